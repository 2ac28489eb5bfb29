import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';

describe(htmlToText.name, () => {
  it('should strip tags and keep paragraph breaks', () => {
    expect(
      htmlToText(
        '<html><head><title>x</title></head><body><h1>Hi</h1><p>Your <b>cart</b><br>is waiting</p></body></html>',
      ),
    ).toBe('Hi\nYour cart\nis waiting');
  });

  it('should drop scripts and styles', () => {
    expect(htmlToText('<style>p{color:red}</style><p>ok</p><script>alert(1)</script>')).toBe('ok');
  });

  it('should decode entities and keep Persian and emoji', () => {
    expect(htmlToText('<p dir="rtl">سلام &amp; درود 🛒 &#x1F44B; &#8364; &lt;3 &bogus;</p>')).toBe(
      'سلام & درود 🛒 👋 € <3 &bogus;',
    );
  });
});
