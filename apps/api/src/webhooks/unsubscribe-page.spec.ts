import { describe, expect, it } from 'vitest';
import { unsubscribePage } from './unsubscribe-page';

describe(unsubscribePage.name, () => {
  it('should speak the customer’s language in its direction', () => {
    expect(unsubscribePage('confirm', 'fa-IR', '/unsubscribe/x?sig=y')).toContain(
      '<html lang="fa" dir="rtl">',
    );
    expect(unsubscribePage('done', 'he')).toContain('<html lang="he" dir="rtl">');
    expect(unsubscribePage('done', 'ar-EG')).toContain('<html lang="ar" dir="rtl">');
    expect(unsubscribePage('done', 'de-DE')).toContain('<html lang="en" dir="ltr">');
    expect(unsubscribePage('invalid', undefined)).toContain('This unsubscribe link is not valid.');
  });

  it('should post the confirmation to the signed link itself, escaped', () => {
    const page = unsubscribePage('confirm', 'en', '/unsubscribe/x?sig=a&b="c"');
    expect(page).toContain('<form method="post" action="/unsubscribe/x?sig=a&#38;b=&#34;c&#34;">');
    expect(page).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(unsubscribePage('done', 'en')).not.toContain('<form');
  });
});
