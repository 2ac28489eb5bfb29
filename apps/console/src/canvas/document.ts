import { stepLinks, type Step, type StepLink } from '@touchpoint/journeys';

/** The step types the canvas adds and edits with forms. */
export const STEP_TYPES = ['wait', 'send', 'wait_for_event', 'branch', 'split', 'exit'] as const;
export type StepType = (typeof STEP_TYPES)[number];
/** Step types the canvas shows, links and summarises, but does not add from its palette yet. */
export type ShownStepType = StepType | 'wait_for_attribute' | 'update_attributes' | 'webhook';

/** A step being edited: the API's shape, but possibly incomplete or invalid (it is work in progress). */
export type DraftStep = { id: string; type: ShownStepType } & Record<string, unknown>;

/** The journey being edited, as POST /v1/journeys takes it. */
export type JourneyDoc = Record<string, unknown> & { steps: DraftStep[] };

export type Path = readonly (string | number)[];

export function emptyJourney(): JourneyDoc {
  return { name: '', stage: 'decision', trigger: { event: '' }, steps: [] };
}

/** Any JSON object as a document: steps always an array of objects with an id and a type. */
export function toDoc(input: unknown): JourneyDoc {
  const source = input && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const raw = (source as { steps?: unknown }).steps;
  const steps = (Array.isArray(raw) ? raw : []).filter(
    (step): step is DraftStep => !!step && typeof step === 'object' && !Array.isArray(step),
  );
  return { ...(source as Record<string, unknown>), steps };
}

export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `target` with `value` at `path` (undefined removes the key); containers are created as needed. */
export function setIn<T>(target: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const base: unknown = target ?? (typeof key === 'number' ? [] : {});
  const child = setIn((base as Record<string | number, unknown>)[key], rest, value);
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[key as number] = child;
    return copy as T;
  }
  const copy = { ...(base as Record<string, unknown>) };
  if (child === undefined) delete copy[key as string];
  else copy[key as string] = child;
  return copy as T;
}

/** The links out of a step as the engine reads them; a half-written step has the links it can. */
export function linksOf(steps: readonly DraftStep[], index: number): StepLink[] {
  try {
    return stepLinks(steps as unknown as Step[], index).filter(
      (link) => link.to === null || typeof link.to === 'string',
    );
  } catch {
    return [];
  }
}

export function indexOfId(steps: readonly DraftStep[], id: string | null): number {
  return id === null ? -1 : steps.findIndex((step) => step.id === id);
}

/** The handle name of a link: its path in the step, `next` for the implicit one. */
export function handleOf(link: Pick<StepLink, 'path'>): string {
  return link.path.length === 0 ? 'next' : link.path.join('.');
}

export function pathOfHandle(handle: string): (string | number)[] {
  return handle.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
