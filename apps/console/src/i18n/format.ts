import { useMemo } from 'react';
import { usePreferences } from './PreferencesProvider';

export interface Formatters {
  locale: string;
  number: (value: number) => string;
  /** A fraction as a percentage (0.125 → 12.5 %), in the viewer's digits. */
  percent: (fraction: number) => string;
  /** A number with a fixed count of decimals (p-values, scores). */
  decimal: (value: number, digits: number) => string;
  dateTime: (iso: string | Date, timeZone?: string) => string;
  date: (iso: string | Date) => string;
  /** Day and month only, for a chart's axis ("2 Dec"); UTC, as the reports' periods are. */
  dayMonth: (iso: string | Date) => string;
  relative: (iso: string | Date) => string;
}

/** Numbers and dates through Intl in the viewer's language, digits and calendar; times in the viewer's zone. */
export function makeFormatters(locale: string): Formatters {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dayMonths = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const relatives = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    locale,
    number: (value) => numbers.format(value),
    percent: (fraction) => percents.format(fraction),
    decimal: (value, digits) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        value,
      ),
    dateTime: (iso, timeZone) =>
      timeZone
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
            new Date(iso),
          )
        : dateTimes.format(new Date(iso)),
    date: (iso) => dates.format(new Date(iso)),
    dayMonth: (iso) => dayMonths.format(new Date(iso)),
    relative: (iso) => {
      const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
      const units: [Intl.RelativeTimeFormatUnit, number][] = [
        ['day', 86_400],
        ['hour', 3_600],
        ['minute', 60],
      ];
      for (const [unit, size] of units) {
        if (Math.abs(seconds) >= size) return relatives.format(Math.round(seconds / size), unit);
      }
      return relatives.format(Math.round(seconds), 'second');
    },
  };
}

export function useFormat(): Formatters {
  const { locale } = usePreferences();
  return useMemo(() => makeFormatters(locale), [locale]);
}
