import { describe, expect, it } from 'vitest';
import { htmlLang, withTextDirection } from './html-direction';

describe(withTextDirection.name, () => {
  it('should leave ltr html alone', () => {
    expect(withTextDirection('<p>Hi</p>', 'ltr', 'en')).toBe('<p>Hi</p>');
  });

  it('should wrap an rtl fragment in a div with dir and lang', () => {
    expect(withTextDirection('<p>سلام</p>', 'rtl', 'fa')).toBe('<div dir="rtl" lang="fa"><p>سلام</p></div>');
  });

  it('should add only dir when the locale is unknown', () => {
    expect(withTextDirection('<p>سلام</p>', 'rtl', null)).toBe('<div dir="rtl"><p>سلام</p></div>');
  });

  it('should keep attributes the <html> element already has', () => {
    expect(withTextDirection('<HTML lang="fa-IR" class="x"><body>سلام</body></HTML>', 'rtl', 'fa')).toBe(
      '<HTML lang="fa-IR" class="x" dir="rtl"><body>سلام</body></HTML>',
    );
    expect(withTextDirection('<html dir="rtl"><body>שלום</body></html>', 'rtl', 'he')).toBe(
      '<html dir="rtl" lang="he"><body>שלום</body></html>',
    );
  });
});

describe(htmlLang.name, () => {
  it('should turn a locale into a lang attribute value, refusing anything that is not a language tag', () => {
    expect(htmlLang('fa_IR')).toBe('fa-IR');
    expect(htmlLang('he')).toBe('he');
    expect(htmlLang('"><script>')).toBeUndefined();
    expect(htmlLang(undefined)).toBeUndefined();
  });
});
