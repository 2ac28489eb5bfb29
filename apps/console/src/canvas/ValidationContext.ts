import { createContext, useContext } from 'react';
import type { PlacedProblem } from './validation';

export const ValidationContext = createContext<Map<string, PlacedProblem[]>>(new Map());

export function useNodeProblems(node: string): PlacedProblem[] {
  return useContext(ValidationContext).get(node) ?? [];
}
