/**
 * The key of `locales` that best fits the customer's locale: the exact tag (`fa-IR`), then ever shorter
 * prefixes (`fa`); null when none fits and the default fields apply. Case and `_` separators are ignored.
 */
export function pickLocale<T>(
  locales: Record<string, T> | undefined,
  locale: string | null | undefined,
): string | null {
  if (!locales || !locale) return null;
  const byTag = new Map(Object.keys(locales).map((key) => [normalize(key), key]));
  const subtags = normalize(locale).split('-');
  for (let length = subtags.length; length > 0; length -= 1) {
    const key = byTag.get(subtags.slice(0, length).join('-'));
    if (key !== undefined) return key;
  }
  return null;
}

function normalize(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}
