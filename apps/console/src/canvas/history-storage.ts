import type { JourneyDoc } from './document';

// The undo history of a journey's draft survives a reload of the page (not the browser session).
const key = (journeyId: string) => `touchpoint.undo.${journeyId}`;

export interface StoredHistory {
  doc: JourneyDoc;
  past: JourneyDoc[];
  future: JourneyDoc[];
}

export function saveHistory(journeyId: string, history: StoredHistory): void {
  try {
    sessionStorage.setItem(key(journeyId), JSON.stringify(history));
  } catch {
    // A full storage only costs the undo history after a reload.
  }
}

/** The stored history, if it ends at the document now loaded (else it belongs to another draft). */
export function loadHistory(journeyId: string, doc: JourneyDoc): StoredHistory | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key(journeyId)) ?? 'null') as StoredHistory | null;
    return stored && JSON.stringify(stored.doc) === JSON.stringify(doc) ? stored : null;
  } catch {
    return null;
  }
}

export function clearHistory(journeyId: string): void {
  sessionStorage.removeItem(key(journeyId));
}
