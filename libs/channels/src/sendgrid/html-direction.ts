/** `fa_IR` → `fa-IR`; anything that is not a BCP 47-looking tag → undefined (it goes into an attribute). */
export function htmlLang(locale: string | null | undefined): string | undefined {
  const tag = locale?.trim().replace(/_/g, '-');
  return tag && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

/**
 * Marks right-to-left HTML so mail clients lay it out right: `dir="rtl"` and `lang` on the `<html>` element
 * when the document has one (attributes already there win), else a wrapping `<div dir="rtl" lang="…">`.
 */
export function withTextDirection(html: string, direction: 'ltr' | 'rtl', locale?: string | null): string {
  if (direction !== 'rtl') return html;
  const lang = htmlLang(locale);
  const htmlTag = /<html\b([^>]*)>/i;
  const match = htmlTag.exec(html);
  if (match) {
    const attributes = match[1];
    const added = [
      /\sdir\s*=/i.test(attributes) ? '' : ' dir="rtl"',
      lang && !/\slang\s*=/i.test(attributes) ? ` lang="${lang}"` : '',
    ].join('');
    return `${html.slice(0, match.index)}${match[0].slice(0, 5)}${attributes}${added}>${html.slice(match.index + match[0].length)}`;
  }
  return `<div dir="rtl"${lang ? ` lang="${lang}"` : ''}>${html}</div>`;
}
