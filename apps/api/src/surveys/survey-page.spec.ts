import { describe, expect, it } from 'vitest';
import { pageLanguage, surveyFormPage, surveyMessagePage } from './survey-page';

describe('the survey page', () => {
  it('should pick the customer’s language, falling back to the base language and then English', () => {
    expect(pageLanguage('fa-IR')).toBe('fa');
    expect(pageLanguage('he')).toBe('he');
    expect(pageLanguage('pt-BR')).toBe('en');
    expect(pageLanguage(null)).toBe('en');
  });

  it('should lay out right-to-left languages right to left, with their own digits', () => {
    const html = surveyFormPage({ locale: 'fa', question: 'چقدر احتمال دارد ما را معرفی کنید؟' });
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('<span>۱۰</span>');
    expect(html).toContain('value="10"');
    expect(surveyFormPage({ locale: 'he', question: 'q' })).toContain('dir="rtl"');
    expect(surveyFormPage({ locale: 'ar', question: 'q' })).toContain('dir="rtl"');
    expect(surveyFormPage({ locale: 'de', question: 'q' })).toContain('<html lang="de" dir="ltr">');
  });

  it('should be a plain form with the 0–10 scale and a comment box, and escape what it shows', () => {
    const html = surveyFormPage({
      locale: 'en',
      question: 'Recommend <b>us</b> & "friends"?',
      error: true,
      comment: '</textarea><script>x</script>',
    });
    expect(html.match(/type="radio" name="score"/g)).toHaveLength(11);
    expect(html).toContain('<form method="post">');
    expect(html).toContain('Recommend &lt;b&gt;us&lt;/b&gt; &amp; &quot;friends&quot;?');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;');
    expect(html).not.toMatch(/<script/);
    expect(html).toContain('role="alert"');
  });

  it('should say thanks, already answered, or that the link is bad, in the customer’s language', () => {
    expect(surveyMessagePage('fa', 'thanks')).toContain('سپاسگزاریم');
    expect(surveyMessagePage('en', 'answered')).toContain('already been answered');
    expect(surveyMessagePage('en', 'invalid')).toContain('not valid');
  });
});
