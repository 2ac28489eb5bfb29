import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useStore, type StoreApi } from 'zustand';
import { ApiError } from '../api/http';
import type { Draft, Journey } from '../api/types';
import { useAbilities } from '../auth/session';
import { useFormat } from '../i18n/format';
import { registerNamespace } from '../i18n/i18n';
import { definitionOf } from '../journeys/journeys.api';
import { journeysLocales } from '../journeys/journeys.locales';
import { periodRange, type Period } from '../journeys/journeys.api';
import { SimulatePanel } from '../simulate/SimulatePanel';
import { Canvas } from './Canvas';
import { canvasLocales } from './canvas.locales';
import { addStep, type Insertion } from './commands';
import { compareJourneys } from './compare';
import { emptyJourney, STEP_TYPES, toDoc, type JourneyDoc } from './document';
import { editorApi } from './editor.api';
import { clearHistory, loadHistory, saveHistory } from './history-storage';
import { HistoryPanel } from './HistoryPanel';
import { LifecycleActions } from './LifecycleActions';
import { NodePanel } from './NodePanel';
import { createEditorStore, EditorStoreContext, type EditorState } from './store';
import { ENTRY_NODE, placeProblem, validateDoc, type PlacedProblem } from './validation';
import { ValidationContext } from './ValidationContext';

registerNamespace('canvas', canvasLocales);
registerNamespace('journeys', journeysLocales);

type Side = 'node' | 'simulate' | 'history' | null;

function paletteInsertion(doc: JourneyDoc, selected: string | null): Insertion {
  if (selected === ENTRY_NODE || doc.steps.length === 0) return { source: -1, handle: 'next' };
  const index = selected?.startsWith('step-') ? Number(selected.slice(5)) : doc.steps.length - 1;
  return { source: index, handle: 'next' };
}

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) over the editor's one history, fields included. */
function useUndoKeys(store: StoreApi<EditorState>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

interface EditorProps {
  initial: JourneyDoc;
  journey?: Journey;
  draft?: Draft | null;
  readOnly: boolean;
  /** A past version shown read-only, compared with the current one. */
  compareWith?: JourneyDoc;
}

function Editor({ initial, journey, draft, readOnly, compareWith }: EditorProps) {
  const { t } = useTranslation('canvas');
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [store] = useState(() => {
    const created = createEditorStore(initial, readOnly);
    const kept = journey && !readOnly ? loadHistory(journey.id, initial) : null;
    if (kept) created.getState().restore(kept.past, kept.future);
    return created;
  });
  const doc = useStore(store, (state) => state.doc);
  const revision = useStore(store, (state) => state.revision);
  const canUndo = useStore(store, (state) => state.past.length > 0);
  const canRedo = useStore(store, (state) => state.future.length > 0);
  const selected = useStore(store, (state) => state.selected);
  const [side, setSide] = useState<Side>(null);
  const [serverProblems, setServerProblems] = useState<PlacedProblem[] | null>(null);
  const [showProblems, setShowProblems] = useState(false);
  const [period, setPeriod] = useState<Period>('7d');
  const [lit, setLit] = useState<ReadonlySet<string> | undefined>(undefined);
  const [hasDraft, setHasDraft] = useState(Boolean(draft));
  const [saved, setSaved] = useState(0);
  useUndoKeys(store);

  const validation = useMemo(() => validateDoc(doc), [doc]);
  const byNode = useMemo(() => {
    if (!serverProblems?.length) return validation.byNode;
    const merged = new Map(validation.byNode);
    for (const p of serverProblems) merged.set(p.node, [...(merged.get(p.node) ?? []), p]);
    return merged;
  }, [validation.byNode, serverProblems]);
  const problems = [...validation.problems, ...(serverProblems ?? [])];

  const stats = useQuery({
    queryKey: ['journey-stats', journey?.id, period],
    queryFn: () => editorApi.stats(journey?.id as string, periodRange(period)),
    enabled: Boolean(journey),
    refetchInterval: 10_000,
  });

  const saveDraft = useMutation({
    mutationFn: (next: { doc: JourneyDoc; revision: number }) =>
      editorApi
        .saveDraft(journey?.id as string, next.doc, journey?.version as number)
        .then(() => next.revision),
    onSuccess: (savedRevision) => {
      setSaved((current) => Math.max(current, savedRevision));
      setHasDraft(true);
      void client.invalidateQueries({ queryKey: ['journeys'] });
    },
  });
  const { mutate: save } = saveDraft;

  // Edits of a journey go to its server-side draft, a moment after the last keystroke.
  useEffect(() => {
    if (!journey || readOnly || revision === 0 || revision <= saved) return;
    const timer = setTimeout(() => save({ doc: store.getState().doc, revision }), 600);
    return () => clearTimeout(timer);
  }, [journey, readOnly, revision, saved, save, store]);
  useEffect(() => {
    if (!journey || readOnly) return;
    const { doc: current, past, future } = store.getState();
    saveHistory(journey.id, { doc: current, past, future });
  }, [journey, readOnly, revision, store]);

  const afterPublish = async (published: Journey) => {
    setServerProblems(null);
    await client.invalidateQueries({ queryKey: ['journeys'] });
    await client.invalidateQueries({ queryKey: ['journey', published.id] });
    clearHistory(published.id);
  };
  const publish = useMutation({
    mutationFn: async () => {
      const current = store.getState().doc;
      if (!journey) return editorApi.create(current);
      await editorApi.saveDraft(journey.id, current, journey.version);
      return editorApi.publishDraft(journey.id);
    },
    onSuccess: async (published) => {
      await afterPublish(published);
      if (!journey) await navigate(`/journeys/${published.id}`, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.problem.errors) {
        setServerProblems(error.problem.errors.map((e) => placeProblem({ code: e.code ?? 'SERVER', ...e })));
        setShowProblems(true);
      }
    },
  });
  const discard = useMutation({
    mutationFn: () => editorApi.discardDraft(journey?.id as string),
    onSuccess: async () => {
      clearHistory(journey?.id as string);
      await client.invalidateQueries({ queryKey: ['journeys'] });
      await client.invalidateQueries({ queryKey: ['journey', journey?.id] });
    },
  });

  const unsaved = journey && revision > saved;
  const saveState = !journey
    ? t('save.notYet')
    : saveDraft.isError
      ? t('save.error')
      : unsaved || saveDraft.isPending
        ? t('save.saving')
        : hasDraft
          ? t('save.saved')
          : t('save.published');
  const diff = compareWith ? compareJourneys(doc, compareWith) : null;
  const name = typeof doc.name === 'string' && doc.name ? doc.name : t('untitled');

  return (
    <EditorStoreContext.Provider value={store}>
      <ValidationContext.Provider value={byNode}>
        <div className="editor">
          <div className="editor__bar">
            <div className="editor__title">
              <Link to="/journeys" className="editor__back">
                {t('backToList')}
              </Link>
              <h1 dir="auto">{name}</h1>
              {journey && (
                <>
                  <span className={`badge badge--${journey.status}`}>
                    {t(`journeys:statuses.${journey.status}`)}
                  </span>
                  <span className="muted">
                    {t('journeys:version', { version: format.number(journey.version) })}
                  </span>
                </>
              )}
              {readOnly && <span className="badge badge--archived">{t('common:readOnly')}</span>}
              {draft?.updatedBy && hasDraft && (
                <span className="muted">
                  {t('draftBy', { who: draft.updatedBy.name, when: format.relative(draft.updatedAt) })}
                </span>
              )}
            </div>
            <div className="toolbar" role="toolbar" aria-label={t('toolbar')}>
              {!readOnly && (
                <>
                  <button
                    type="button"
                    className="button"
                    disabled={!canUndo}
                    onClick={() => store.getState().undo()}
                    aria-keyshortcuts="Control+Z"
                  >
                    {t('undo')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={!canRedo}
                    onClick={() => store.getState().redo()}
                    aria-keyshortcuts="Control+Shift+Z"
                  >
                    {t('redo')}
                  </button>
                  <span className="muted" role="status">
                    {saveState}
                  </span>
                </>
              )}
              <button
                type="button"
                className={`button ${problems.length ? 'button--danger' : ''}`}
                aria-expanded={showProblems}
                onClick={() => setShowProblems((v) => !v)}
              >
                {t('problemCount', { count: problems.length })}
              </button>
              {journey && (
                <label className="inline-field">
                  <span>{t('numbersFor')}</span>
                  <select value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
                    {(['1d', '7d', '30d'] as const).map((p) => (
                      <option key={p} value={p}>
                        {t(`journeys:periods.${p}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {journey && (
                <Link className="button" to={`/journeys/${journey.id}/report`}>
                  {t('report')}
                </Link>
              )}
              {journey && (
                <button
                  type="button"
                  className="button"
                  aria-pressed={side === 'history'}
                  onClick={() => setSide(side === 'history' ? null : 'history')}
                >
                  {t('history')}
                </button>
              )}
              {journey && !readOnly && (
                <button
                  type="button"
                  className="button"
                  aria-pressed={side === 'simulate'}
                  onClick={() => setSide(side === 'simulate' ? null : 'simulate')}
                >
                  {t('simulate')}
                </button>
              )}
              {journey && !readOnly && hasDraft && (
                <button
                  type="button"
                  className="button"
                  disabled={discard.isPending}
                  onClick={() => discard.mutate()}
                >
                  {t('discard')}
                </button>
              )}
              {journey && !readOnly && <LifecycleActions journey={journey} />}
              {!readOnly && (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={
                    validation.problems.length > 0 ||
                    publish.isPending ||
                    (journey && !hasDraft && revision === 0)
                  }
                  title={validation.problems.length ? t('publishBlocked') : undefined}
                  onClick={() => publish.mutate()}
                >
                  {journey ? t('publish') : t('create')}
                </button>
              )}
            </div>
          </div>
          {publish.isError && !(publish.error instanceof ApiError && publish.error.problem.errors) && (
            <p className="error-text" role="alert">
              {publish.error.message}
            </p>
          )}
          {showProblems && (
            <section className="problems" aria-label={t('problemsTitle')}>
              {problems.length === 0 ? (
                <p>{t('noProblems')}</p>
              ) : (
                <ul>
                  {problems.map((p, i) => (
                    <li key={i}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          store.getState().select(p.node);
                          setSide('node');
                        }}
                      >
                        <code dir="ltr">{p.path}</code>
                      </button>{' '}
                      {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          {diff && (
            <section className="problems" aria-label={t('compareTitle')}>
              <p>
                {t('compareSummary', {
                  added: diff.added.join(', ') || '—',
                  removed: diff.removed.join(', ') || '—',
                  changed: [...diff.changed, ...diff.fields].join(', ') || '—',
                })}
              </p>
            </section>
          )}
          <div className="editor__body">
            {!readOnly && (
              <nav className="palette" aria-label={t('palette')}>
                <h2 className="palette__title">{t('palette')}</h2>
                {STEP_TYPES.map((type) => (
                  <button
                    key={type}
                    type="button"
                    className="button palette__item"
                    onClick={() =>
                      store
                        .getState()
                        .dispatch(addStep(type, paletteInsertion(store.getState().doc, selected)))
                    }
                  >
                    + {t(`types.${type}`)}
                  </button>
                ))}
                <p className="field__hint">{t('paletteHint')}</p>
              </nav>
            )}
            <Canvas byNode={byNode} stats={stats.data?.steps} lit={lit} onOpenPanel={() => setSide('node')} />
            {side === 'node' && selected && (
              <NodePanel
                onClose={() => {
                  store.getState().select(null);
                  setSide(null);
                }}
              />
            )}
            {side === 'simulate' && journey && (
              <SimulatePanel
                journey={journey}
                doc={doc}
                onPath={setLit}
                onClose={() => {
                  setLit(undefined);
                  setSide(null);
                }}
              />
            )}
            {side === 'history' && journey && (
              <HistoryPanel journey={journey} onClose={() => setSide(null)} />
            )}
          </div>
        </div>
      </ValidationContext.Provider>
    </EditorStoreContext.Provider>
  );
}

export function NewJourneyPage() {
  const location = useLocation();
  const abilities = useAbilities();
  const imported = (location.state as { definition?: unknown } | null)?.definition;
  const initial = imported ? toDoc(imported) : emptyJourney();
  return <Editor key={location.key} initial={initial} readOnly={!abilities.edit} />;
}

function useJourneyAndDraft(id: string) {
  return useQuery({
    queryKey: ['journey', id],
    queryFn: async () => {
      const [journey, draft] = await Promise.all([editorApi.journey(id), editorApi.draft(id)]);
      return { journey, draft };
    },
    staleTime: Infinity,
    refetchOnMount: 'always',
  });
}

export function JourneyEditorPage() {
  const { t } = useTranslation('canvas');
  const { id = '' } = useParams();
  const abilities = useAbilities();
  const loaded = useJourneyAndDraft(id);
  if (loaded.isPending) return <p className="page">{t('common:loading')}</p>;
  if (loaded.isError) {
    return <p className="page error-text">{t('common:error', { message: loaded.error.message })}</p>;
  }
  const { journey, draft } = loaded.data;
  const initial = toDoc(draft?.definition ?? definitionOf(journey));
  const readOnly = !abilities.edit || journey.status === 'archived';
  return (
    <Editor
      key={`${journey.id}:${journey.version}:${journey.status}:${draft?.updatedAt ?? 'none'}:${loaded.dataUpdatedAt}`}
      initial={initial}
      journey={journey}
      draft={draft}
      readOnly={readOnly}
    />
  );
}

export function JourneyVersionPage() {
  const { t } = useTranslation('canvas');
  const { id = '', version = '' } = useParams();
  const loaded = useQuery({
    queryKey: ['journey-version', id, version],
    queryFn: async () => {
      const [past, current] = await Promise.all([
        editorApi.version(id, Number(version)),
        editorApi.journey(id),
      ]);
      return { past, current };
    },
  });
  if (loaded.isPending) return <p className="page">{t('common:loading')}</p>;
  if (loaded.isError) {
    return <p className="page error-text">{t('common:error', { message: loaded.error.message })}</p>;
  }
  const { past, current } = loaded.data;
  return (
    <Editor
      initial={toDoc(definitionOf(past))}
      journey={{ ...current, version: past.version }}
      readOnly
      compareWith={toDoc(definitionOf(current))}
    />
  );
}
