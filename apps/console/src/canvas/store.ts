import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Command } from './commands';
import type { JourneyDoc } from './document';

const HISTORY_LIMIT = 200;

export interface EditorState {
  doc: JourneyDoc;
  past: JourneyDoc[];
  future: JourneyDoc[];
  /** Merge key of the last command, while its edit goes on (typing in one field). */
  merging: string | null;
  /** Bumped by every change of the document, for autosave. */
  revision: number;
  selected: string | null;
  readOnly: boolean;
  dispatch: (command: Command) => void;
  undo: () => void;
  redo: () => void;
  /** Ends the current merge, so the next keystroke starts a new undo step. */
  seal: () => void;
  select: (nodeId: string | null) => void;
  /** Replaces the document from outside (a load, a reload), with a fresh history. */
  load: (doc: JourneyDoc, options?: { readOnly?: boolean }) => void;
  /** Puts back an undo history kept over a reload. */
  restore: (past: JourneyDoc[], future: JourneyDoc[]) => void;
}

/** One store of the document being edited: every edit a command, undo and redo over whole snapshots. */
export function createEditorStore(doc: JourneyDoc, readOnly = false): StoreApi<EditorState> {
  return createStore<EditorState>((set, get) => ({
    doc,
    past: [],
    future: [],
    merging: null,
    revision: 0,
    selected: null,
    readOnly,
    dispatch: (command) => {
      const state = get();
      if (state.readOnly) return;
      const next = command.apply(state.doc);
      if (next === state.doc) return;
      const merge = command.mergeKey !== undefined && command.mergeKey === state.merging;
      set({
        doc: next,
        past: merge ? state.past : [...state.past, state.doc].slice(-HISTORY_LIMIT),
        future: [],
        merging: command.mergeKey ?? null,
        revision: state.revision + 1,
      });
    },
    undo: () => {
      const { past, doc: current, future, revision } = get();
      const previous = past[past.length - 1];
      if (previous === undefined) return;
      set({
        doc: previous,
        past: past.slice(0, -1),
        future: [current, ...future],
        merging: null,
        revision: revision + 1,
      });
    },
    redo: () => {
      const { past, doc: current, future, revision } = get();
      const next = future[0];
      if (next === undefined) return;
      set({
        doc: next,
        past: [...past, current],
        future: future.slice(1),
        merging: null,
        revision: revision + 1,
      });
    },
    seal: () => set({ merging: null }),
    select: (selected) => set({ selected, merging: null }),
    load: (loaded, options) =>
      set((state) => ({
        doc: loaded,
        past: [],
        future: [],
        merging: null,
        selected: null,
        readOnly: options?.readOnly ?? state.readOnly,
      })),
    restore: (past, future) => set({ past, future, merging: null }),
  }));
}

export const EditorStoreContext = createContext<StoreApi<EditorState> | null>(null);

export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditor outside an editor');
  return useStore(store, selector);
}

export function useEditorStore(): StoreApi<EditorState> {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore outside an editor');
  return store;
}
