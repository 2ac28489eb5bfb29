import {
  getIn,
  handleOf,
  linksOf,
  pathOfHandle,
  setIn,
  type DraftStep,
  type JourneyDoc,
  type Path,
  type StepType,
} from './document';

/** Every edit of the editor is a command: undo restores the document from before it. */
export interface Command {
  /** What it does, in the marketer's words (i18n key in the canvas namespace). */
  label: string;
  /** Consecutive commands with one merge key (typing in one field) undo as one. */
  mergeKey?: string;
  apply: (doc: JourneyDoc) => JourneyDoc;
}

/** Where a step goes: on the link `handle` out of step `source` (-1 is the entry, whose link is the first step). */
export interface Insertion {
  source: number;
  handle: string;
}

function uniqueId(steps: readonly DraftStep[], type: StepType): string {
  const taken = new Set(steps.map((step) => step.id));
  for (let n = 1; ; n++) {
    const id = `${type}_${n}`;
    if (!taken.has(id)) return id;
  }
}

function defaults(type: StepType, target: string): Record<string, unknown> {
  switch (type) {
    case 'wait':
      return { duration: 'P1D' };
    case 'send':
      return { channel: 'sms', template: { body: '' } };
    case 'wait_for_event':
      return { event: '', timeout: 'P1D', onEvent: target, onTimeout: target };
    case 'wait_for_attribute':
      return { attribute: 'plan', timeout: 'P1D', onChange: target, onTimeout: target };
    case 'update_attributes':
      return { setNow: ['lastContactedAt'] };
    case 'webhook':
      return { url: 'https://example.com/touchpoint', body: { customer: '{{ customer.id }}' } };
    case 'branch':
      return { if: { path: 'customer.attributes.tier', op: 'eq', value: '' }, then: target, else: target };
    case 'split':
      return {
        variants: [
          { name: 'A', weight: 50, next: target },
          { name: 'B', weight: 50, next: target },
        ],
      };
    case 'exit':
      return {};
  }
}

export function setField(path: Path, value: unknown, label = 'edit'): Command {
  return { label, mergeKey: `field:${path.join('.')}`, apply: (doc) => setIn(doc, path, value) };
}

export function setStepField(index: number, path: Path, value: unknown): Command {
  return setField(['steps', index, ...path], value);
}

/** Sets a link of a step (`next`, `then`, `variants.1.next`…) to another step. */
export function connect(source: number, handle: string, targetId: string): Command {
  return {
    label: 'connect',
    apply: (doc) => setIn(doc, ['steps', source, ...pathOfHandle(handle)], targetId),
  };
}

/** Renames a step and every reference to it, so links keep pointing where they did. */
export function renameStep(index: number, id: string): Command {
  return {
    label: 'rename',
    mergeKey: `rename:${index}`,
    apply: (doc) => {
      const old = doc.steps[index]?.id;
      let next = setIn(doc, ['steps', index, 'id'], id);
      next.steps.forEach((_, i) => {
        for (const link of linksOf(doc.steps, i)) {
          if (link.path.length > 0 && link.to === old && old !== undefined) {
            next = setIn(next, ['steps', i, ...link.path], id);
          }
        }
      });
      return next;
    },
  };
}

/** Step types whose every way out is a link of their own (no `next`): added last, each leads to a new exit. */
const FORKS: readonly StepType[] = ['wait_for_event', 'wait_for_attribute', 'branch', 'split'];

/** Adds a step of `type` on a link: after `source`, leading where the link led. */
export function addStep(type: StepType, at: Insertion): Command {
  return {
    label: 'add',
    apply: (doc) => {
      const steps = doc.steps;
      const position = at.source + 1;
      const explicit = at.source >= 0 && at.handle !== 'next' ? true : hasExplicitNext(steps, at.source);
      const target =
        at.source < 0
          ? (steps[0]?.id ?? null)
          : ((getIn(steps[at.source], pathOfHandle(at.handle)) as string | undefined) ??
            linksOf(steps, at.source).find((link) => handleOf(link) === at.handle)?.to ??
            null);
      const id = uniqueId(steps, type);
      const added: DraftStep[] = [];
      let leadsTo = target;
      if (leadsTo === null && FORKS.includes(type)) {
        leadsTo = uniqueId([...steps, { id, type }], 'exit');
        added.push({ id: leadsTo, type: 'exit' });
      }
      const step = { id, type, ...defaults(type, leadsTo ?? '') } as DraftStep;
      if (!FORKS.includes(type) && type !== 'exit' && explicit && target !== null) step.next = target;
      let next: JourneyDoc = {
        ...doc,
        steps: [...steps.slice(0, position), step, ...added, ...steps.slice(position)],
      };
      if (explicit && at.source >= 0) {
        next = setIn(next, ['steps', at.source, ...pathOfHandle(at.handle)], id);
      }
      return next;
    },
  };
}

function hasExplicitNext(steps: readonly DraftStep[], index: number): boolean {
  return index >= 0 && typeof steps[index]?.next === 'string';
}

/** Removes a step; what led to it leads to where it led (its first link). */
export function deleteStep(index: number): Command {
  return {
    label: 'delete',
    apply: (doc) => {
      const steps = doc.steps;
      const removed = steps[index];
      if (!removed) return doc;
      const successor = linksOf(steps, index)[0]?.to ?? null;
      let next: JourneyDoc = { ...doc, steps: steps.filter((_, i) => i !== index) };
      steps.forEach((_, i) => {
        if (i === index) return;
        const at = i < index ? i : i - 1;
        for (const link of linksOf(steps, i)) {
          if (link.path.length > 0 && link.to === removed.id) {
            const isNext = link.path.length === 1 && link.path[0] === 'next';
            next = setIn(next, ['steps', at, ...link.path], successor ?? (isNext ? undefined : ''));
          }
        }
      });
      // The step before it ran into it by array order: keep it running into the successor.
      const before = steps[index - 1];
      if (
        before &&
        (before.type === 'wait' || before.type === 'send') &&
        typeof before.next !== 'string' &&
        successor !== null &&
        steps[index + 1]?.id !== successor
      ) {
        next = setIn(next, ['steps', index - 1, 'next'], successor);
      }
      return next;
    },
  };
}

export function replaceDoc(doc: JourneyDoc, label = 'replace'): Command {
  return { label, apply: () => doc };
}
