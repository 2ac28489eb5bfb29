import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { DEFAULT_HIDDEN } from './columns';

const STORAGE_KEY = 'touchpoint.log.columns';

function load(): ColumnVisibilityState {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    return saved && typeof saved === 'object' ? (saved as ColumnVisibilityState) : DEFAULT_HIDDEN;
  } catch {
    return DEFAULT_HIDDEN;
  }
}

/** The columns this browser chose to see, kept across visits. */
export function useColumnVisibility() {
  const [visibility, setVisibility] = useState<ColumnVisibilityState>(load);
  useEffect(() => localStorage.setItem(STORAGE_KEY, JSON.stringify(visibility)), [visibility]);
  return [visibility, setVisibility] as const;
}
