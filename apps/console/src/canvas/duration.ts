// Durations as people type them ("3 days", "1 day 12 hours", "۳ روز", "3 ימים") to ISO-8601 and back.

const UNITS: [RegExp, 'Y' | 'Mo' | 'W' | 'D' | 'H' | 'Mi' | 'S'][] = [
  [/^(y|yr|yrs|years?|سال|שנים|שנה)$/i, 'Y'],
  [/^(mo|mos|months?|ماه|חודשים|חודש)$/i, 'Mo'],
  [/^(w|wk|wks|weeks?|هفته|שבועות|שבוע)$/i, 'W'],
  [/^(d|days?|روز|ימים|יום)$/i, 'D'],
  [/^(h|hr|hrs|hours?|ساعت|שעות|שעה)$/i, 'H'],
  [/^(m|min|mins|minutes?|دقیقه|דקות|דקה)$/i, 'Mi'],
  [/^(s|sec|secs|seconds?|ثانیه|שניות|שנייה)$/i, 'S'],
];

/** Persian and Arabic-Indic digits as ASCII, and the Persian decimal separator as a dot. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/٫/g, '.');
}

const ISO = /^-?P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/i;

/**
 * The ISO-8601 form of a duration typed in words or digits, or null when it is not one.
 * `3 days` → P3D, `1 day 12 hours` → P1DT12H, `90 minutes` → PT90M, `P2D` stays P2D.
 */
export function parseHumanDuration(input: string): string | null {
  const text = asciiDigits(input).trim();
  if (!text) return null;
  if (ISO.test(text)) return text.toUpperCase();
  const parts: Partial<Record<'Y' | 'Mo' | 'W' | 'D' | 'H' | 'Mi' | 'S', number>> = {};
  let valid = true;
  const rest = text.replace(/(\d+)\s*([^\d\s,]+)/gu, (_, amount: string, word: string) => {
    const unit = UNITS.find(([pattern]) => pattern.test(word))?.[1];
    if (!unit || parts[unit] !== undefined) valid = false;
    else parts[unit] = Number(amount);
    return ' ';
  });
  // Between the amounts only spaces, commas and "and" (و in Persian).
  if (!valid || rest.replace(/[\s,]+|\band\b|و/giu, '') !== '') return null;
  const date = `${parts.Y ? `${parts.Y}Y` : ''}${parts.Mo ? `${parts.Mo}M` : ''}${parts.W ? `${parts.W}W` : ''}${parts.D ? `${parts.D}D` : ''}`;
  const time = `${parts.H ? `${parts.H}H` : ''}${parts.Mi ? `${parts.Mi}M` : ''}${parts.S ? `${parts.S}S` : ''}`;
  if (!date && !time) return null;
  return `P${date}${time ? `T${time}` : ''}`;
}

type DurationParts = Partial<
  Record<'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds', number>
>;

export function isoParts(iso: string): DurationParts | null {
  const match = ISO.exec(iso);
  if (!match || iso.startsWith('-')) return null;
  const n = (group: string | undefined) => (group ? Number.parseFloat(group) : undefined);
  const parts: DurationParts = {
    years: n(match[1]),
    months: n(match[2]),
    weeks: n(match[3]),
    days: n(match[4]),
    hours: n(match[6]),
    minutes: n(match[7]),
    seconds: n(match[8]),
  };
  for (const key of Object.keys(parts) as (keyof DurationParts)[]) if (!parts[key]) delete parts[key];
  return parts;
}

interface DurationFormatter {
  format: (duration: DurationParts) => string;
}

/** An ISO duration as the viewer's language says it ("3 days", "۳ روز"); the ISO text when it is not one. */
export function formatDuration(iso: string, locale: string): string {
  const parts = isoParts(iso);
  if (!parts || Object.keys(parts).length === 0) return iso;
  const DurationFormat = (
    Intl as unknown as { DurationFormat?: new (l: string, o: object) => DurationFormatter }
  ).DurationFormat;
  if (DurationFormat) return new DurationFormat(locale, { style: 'long' }).format(parts);
  return Object.entries(parts)
    .map(([unit, value]) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: unit.replace(/s$/, ''),
        unitDisplay: 'long',
      }).format(value),
    )
    .join(' ');
}
