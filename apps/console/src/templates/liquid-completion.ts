/** Paths every template can use, whatever the journey's data carried. */
export const STANDARD_PATHS = [
  'customer.id',
  'customer.email',
  'customer.phone',
  'customer.locale',
  'customer.timezone',
  'event.name',
  'event.occurredAt',
  'journey.name',
  'unsubscribe.url',
];

/** The Liquid path being typed at `caret`: after `{{` (with optional spaces), up to the caret. */
export function liquidQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /\{\{-?\s*([\w.]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1].length, query: match[1] };
}

/** Paths starting with what was typed, then those containing it; at most `limit`. */
export function matchingPaths(paths: readonly string[], query: string, limit = 8): string[] {
  const q = query.toLowerCase();
  const starts = paths.filter((p) => p.toLowerCase().startsWith(q));
  const contains = paths.filter((p) => !p.toLowerCase().startsWith(q) && p.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/** `text` with the path typed at `caret` replaced by `path`, closed with ` }}` unless already closed. */
export function insertPath(text: string, caret: number, path: string): { text: string; caret: number } {
  const at = liquidQueryAt(text, caret);
  if (!at) return { text, caret };
  const rest = text.slice(caret);
  const closing = /^\s*-?\}\}/.test(rest) ? '' : ' }}';
  const inserted = `${path}${closing}`;
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}
