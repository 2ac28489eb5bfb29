import { describe, expect, it } from 'vitest';
import { TemplateRenderError, TemplateRenderer, textDirection, type RenderScope } from './template-renderer';

const DEMO_BODY =
  "{{ customer.attributes.firstName | default: 'Hi' }}, your cart is waiting: 10% off with CART10 {{ event.properties.cartUrl }}";

const scope = (attributes: Record<string, unknown> = {}): RenderScope => ({
  customer: { id: 'c-42', attributes },
  event: { name: 'cart_abandoned', properties: { cartUrl: 'https://shop/cart/9' } },
  journey: { id: 'j-1', name: 'Cart abandonment SMS' },
});

describe(TemplateRenderer.name, () => {
  const sut = new TemplateRenderer();

  describe('check', () => {
    it('should accept a template that uses only the allowed roots', () => {
      expect(sut.check(DEMO_BODY)).toBeNull();
      expect(
        sut.check('{{ journey.name }} {{ survey.url }} {% for i in event.items %}{{ i.sku }}{% endfor %}'),
      ).toBeNull();
    });

    it('should name an unknown root', () => {
      expect(sut.check('Hello {{ custmer.attributes.firstName }}')).toContain('unknown variable "custmer"');
    });

    it('should find an unknown root hidden in a tag', () => {
      expect(sut.check('{% assign n = order.total %}{{ n }}')).toContain('unknown variable "order"');
    });

    it('should not flag variables the template defines itself', () => {
      expect(
        sut.check('{% assign n = customer.attributes.tier %}{% capture c %}x{% endcapture %}{{ n }}{{ c }}'),
      ).toBeNull();
    });

    it('should report a parse error', () => {
      expect(sut.check('{{ customer.name ')).toMatch(/not closed/);
      expect(sut.check('{% if customer.vip %}yes')).toMatch(/not closed/);
    });

    it('should report a filter that does not exist', () => {
      expect(sut.check('{{ customer.name | shout }}')).toMatch(/undefined filter: shout/);
    });

    it('should refuse tags that read other templates', () => {
      expect(sut.check("{% include 'package.json' %}")).not.toBeNull();
      expect(sut.check("{% render 'package.json' %}")).not.toBeNull();
    });
  });

  describe('checkTemplate', () => {
    it('should report every problem with its field path', () => {
      expect(
        sut.checkTemplate(
          {
            subject: '{{ custmer.name }}',
            html: '<p>{{ customer.name }}</p>',
            locales: { fa: { subject: 'سلام', html: '{{ x | nope }}' } },
          },
          'email',
        ),
      ).toEqual([
        { field: 'subject', message: expect.stringContaining('unknown variable "custmer"') },
        { field: 'locales.fa.html', message: expect.stringContaining('undefined filter: nope') },
      ]);
    });

    it('should require the fields of the channel', () => {
      expect(sut.checkTemplate({ title: 'Hi' }, 'push')).toEqual([{ field: 'body', message: 'is required' }]);
      expect(sut.checkTemplate({ body: 42 }, 'sms')).toEqual([
        { field: 'body', message: 'must be a string' },
      ]);
    });

    it('should name a locale block that is not an object, rather than throw', () => {
      const locales = { fa: null, he: 'x' } as unknown as Record<string, Record<string, string>>;
      expect(sut.checkTemplate({ body: 'Hi', locales }, 'sms')).toEqual([
        { field: 'locales.fa', message: 'must be an object' },
        { field: 'locales.he', message: 'must be an object' },
      ]);
      const notBlocks = 'fa' as unknown as Record<string, Record<string, string>>;
      expect(sut.checkTemplate({ body: 'Hi', locales: notBlocks }, 'sms')).toEqual([
        { field: 'locales', message: 'must be an object of locale blocks' },
      ]);
    });

    it('should accept a valid template', () => {
      expect(sut.checkTemplate({ body: DEMO_BODY, locales: { fa: { body: 'سلام' } } }, 'sms')).toEqual([]);
    });
  });

  describe('render', () => {
    it('should render the demo template with a first name', async () => {
      await expect(
        sut.render({ body: DEMO_BODY }, 'sms', 'en', scope({ firstName: 'Sara' })),
      ).resolves.toEqual({
        channel: 'sms',
        body: 'Sara, your cart is waiting: 10% off with CART10 https://shop/cart/9',
      });
    });

    it('should fall back to the default filter when the first name is missing', async () => {
      await expect(sut.render({ body: DEMO_BODY }, 'sms', null, scope())).resolves.toEqual({
        channel: 'sms',
        body: 'Hi, your cart is waiting: 10% off with CART10 https://shop/cart/9',
      });
    });

    it('should fall back to the default filter when attributes are missing altogether', async () => {
      const result = await sut.render({ body: DEMO_BODY }, 'sms', null, { customer: {}, journey: {} });
      expect(result).toEqual({ channel: 'sms', body: 'Hi, your cart is waiting: 10% off with CART10 ' });
    });

    it('should keep Persian text and emoji byte for byte', async () => {
      const template = { body: 'سلام {{ customer.attributes.firstName }} 👋🏽 — سبد خرید شما منتظر است 🛒' };
      const result = await sut.render(template, 'sms', 'fa', scope({ firstName: 'سارا‌جان' }));
      const expected = 'سلام سارا‌جان 👋🏽 — سبد خرید شما منتظر است 🛒';
      expect(result).toEqual({ channel: 'sms', body: expected });
      expect(Buffer.from(result.channel === 'sms' ? result.body : '', 'utf8')).toEqual(
        Buffer.from(expected, 'utf8'),
      );
    });

    it('should throw a TemplateRenderError naming the field on an unknown root', async () => {
      const rendering = sut.render(
        { subject: 'ok', html: '<p>{{ custmer.name }}</p>' },
        'email',
        null,
        scope(),
      );
      await expect(rendering).rejects.toBeInstanceOf(TemplateRenderError);
      await expect(rendering).rejects.toMatchObject({ field: 'html', code: 'TEMPLATE.RENDER_FAILED' });
      await expect(rendering).rejects.toThrow(/unknown variable "custmer"/);
    });

    it('should throw on a filter that does not exist', async () => {
      await expect(
        sut.render({ body: '{{ customer.id | shout }}' }, 'sms', null, scope()),
      ).rejects.toMatchObject({
        name: 'TemplateRenderError',
        field: 'body',
      });
    });

    it('should throw when a required field is missing', async () => {
      await expect(sut.render({ title: 'Hi' }, 'push', null, scope())).rejects.toMatchObject({
        field: 'body',
      });
    });

    it('should throw when the template uses survey but the journey has none', async () => {
      await expect(sut.render({ body: 'Rate us: {{ survey.url }}' }, 'sms', null, scope())).rejects.toThrow(
        /no survey/,
      );
    });

    it('should render the unsubscribe link in an email footer, and refuse to render without one', async () => {
      const template = { subject: 'News', html: '<a href="{{ unsubscribe.url }}">Unsubscribe</a>' };
      const link = 'https://t.example/unsubscribe/0b6f?sig=abc';
      const result = await sut.render(template, 'email', null, { ...scope(), unsubscribe: { url: link } });
      expect(result).toMatchObject({ html: `<a href="${link}">Unsubscribe</a>` });
      await expect(sut.render(template, 'email', null, scope())).rejects.toThrow(/no unsubscribe link/);
      expect(sut.check('{{ unsubscribe.url }}')).toBeNull();
    });

    it('should render the survey link when present', async () => {
      const result = await sut.render({ body: 'Rate us: {{ survey.url }}' }, 'sms', null, {
        ...scope(),
        survey: { url: 'https://t.example/s/abc?sig=1&x=2' },
      });
      expect(result).toEqual({ channel: 'sms', body: 'Rate us: https://t.example/s/abc?sig=1&x=2' });
    });

    it('should escape output in email html but not in subject or text', async () => {
      const template = {
        subject: 'For {{ customer.attributes.name }}',
        html: '<p>Hi {{ customer.attributes.name }}</p>{{ customer.attributes.banner | raw }}',
        text: 'Hi {{ customer.attributes.name }}',
      };
      const result = await sut.render(
        template,
        'email',
        'en',
        scope({ name: 'Tom & <Jerry>', banner: '<b>!</b>' }),
      );
      expect(result).toEqual({
        channel: 'email',
        subject: 'For Tom & <Jerry>',
        html: '<p>Hi Tom &amp; &lt;Jerry&gt;</p><b>!</b>',
        text: 'Hi Tom & <Jerry>',
      });
    });

    it('should not escape sms or push output', async () => {
      const result = await sut.render(
        {
          title: '{{ customer.attributes.name }}',
          body: 'a & b',
          url: '{{ event.properties.cartUrl }}?a=1&b=2',
        },
        'push',
        null,
        scope({ name: '<Tom>' }),
      );
      expect(result).toEqual({
        channel: 'push',
        title: '<Tom>',
        body: 'a & b',
        url: 'https://shop/cart/9?a=1&b=2',
      });
    });

    it('should leave email html alone for an rtl locale', async () => {
      const template = {
        subject: 's',
        html: '<p>{{ customer.id }}</p>',
        locales: { fa: { subject: 'س', html: '<p>سلام</p>' } },
      };
      await expect(sut.render(template, 'email', 'fa', scope())).resolves.toEqual({
        channel: 'email',
        subject: 'س',
        html: '<p>سلام</p>',
      });
    });

    describe('locale fallback', () => {
      const template = {
        body: 'Hello',
        locales: { fa: { body: 'سلام' }, 'fa-IR': { body: 'سلام ایران' }, 'pt-BR': { body: 'Olá' } },
      };

      it('should pick the exact locale block', async () => {
        await expect(sut.render(template, 'sms', 'fa-IR', scope())).resolves.toEqual({
          channel: 'sms',
          body: 'سلام ایران',
        });
      });

      it('should match the tag case-insensitively', async () => {
        await expect(sut.render(template, 'sms', 'FA-ir', scope())).resolves.toEqual({
          channel: 'sms',
          body: 'سلام ایران',
        });
        await expect(sut.render(template, 'sms', 'pt_br', scope())).resolves.toEqual({
          channel: 'sms',
          body: 'Olá',
        });
      });

      it('should fall back to the language', async () => {
        await expect(sut.render(template, 'sms', 'fa-AF', scope())).resolves.toEqual({
          channel: 'sms',
          body: 'سلام',
        });
        await expect(
          sut.render({ body: 'Hello', locales: { fa: { body: 'سلام' } } }, 'sms', 'fa-IR', scope()),
        ).resolves.toEqual({ channel: 'sms', body: 'سلام' });
      });

      it('should fall back to the default fields', async () => {
        await expect(sut.render(template, 'sms', 'de-DE', scope())).resolves.toEqual({
          channel: 'sms',
          body: 'Hello',
        });
        await expect(sut.render(template, 'sms', undefined, scope())).resolves.toEqual({
          channel: 'sms',
          body: 'Hello',
        });
        await expect(sut.render(template, 'sms', 'pt', scope())).resolves.toEqual({
          channel: 'sms',
          body: 'Hello',
        });
      });

      it('should inherit the push url but not the text fields', async () => {
        const push = {
          title: 'Hi',
          body: 'Hello',
          url: 'https://shop/x',
          locales: { fa: { title: 'سلام', body: 'درود' } },
        };
        await expect(sut.render(push, 'push', 'fa', scope())).resolves.toEqual({
          channel: 'push',
          title: 'سلام',
          body: 'درود',
          url: 'https://shop/x',
        });
        const email = {
          subject: 's',
          html: 'h',
          text: 'English text',
          locales: { fa: { subject: 'س', html: 'ه' } },
        };
        await expect(sut.render(email, 'email', 'fa', scope())).resolves.toEqual({
          channel: 'email',
          subject: 'س',
          html: 'ه',
        });
      });

      it('should name the locale block in the error', async () => {
        await expect(
          sut.render({ body: 'ok', locales: { fa: { body: '{{ nope }}' } } }, 'sms', 'fa-IR', scope()),
        ).rejects.toMatchObject({ field: 'locales.fa.body' });
      });
    });

    it('should reuse the parsed template for the same source', async () => {
      const renderer = new TemplateRenderer();
      const first = await renderer.render({ body: 'Hi {{ customer.id }}' }, 'sms', null, scope());
      const second = await renderer.render({ body: 'Hi {{ customer.id }}' }, 'sms', null, {
        ...scope(),
        customer: { id: 'c-43' },
      });
      expect([first, second]).toEqual([
        { channel: 'sms', body: 'Hi c-42' },
        { channel: 'sms', body: 'Hi c-43' },
      ]);
    });

    it('should not expose prototype properties of the scope', async () => {
      await expect(
        sut.render({ body: '[{{ customer.constructor }}]' }, 'sms', null, scope()),
      ).resolves.toEqual({
        channel: 'sms',
        body: '[]',
      });
    });
  });
});

describe('textDirection', () => {
  it('should be rtl for rtl languages', () => {
    for (const locale of [
      'fa',
      'fa-IR',
      'he',
      'ar-EG',
      'ur',
      'ps',
      'sd',
      'ug',
      'yi',
      'dv',
      'ckb',
      'FA_ir',
      'az-Arab',
    ]) {
      expect(textDirection(locale)).toBe('rtl');
    }
  });

  it('should be ltr otherwise', () => {
    for (const locale of ['en', 'en-US', 'de', 'fr-CA', 'ku-Latn', null, undefined, '']) {
      expect(textDirection(locale)).toBe('ltr');
    }
  });
});
