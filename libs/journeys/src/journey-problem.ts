/** One reason a journey is refused: `path` is dot-joined (`steps.1.template.subject`), `code` is stable. */
export interface JourneyProblem {
  path: string;
  message: string;
  code: string;
}

export function problemPath(path: readonly PropertyKey[]): string {
  return path.map((key) => String(key)).join('.');
}
