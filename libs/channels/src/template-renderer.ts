import { Liquid, type Template } from 'liquidjs';
import { CHANNELS, isRtlLocale, type TemplateFieldSpec } from '@touchpoint/journeys';
import type { Channel, RenderedMessage } from './channel.port';

/** A journey step's `template` object: the channel's fields of the registry, and `locales`. */
export type ChannelTemplate = Record<string, unknown> & { locales?: Record<string, Record<string, string>> };

export interface RenderScope {
  customer: Record<string, unknown>;
  event?: Record<string, unknown>;
  journey: Record<string, unknown>;
  survey?: { url: string };
  /** The message's signed unsubscribe link (the footer of a marketing email); the worker always sets it. */
  unsubscribe?: { url: string };
}

export const TEMPLATE_SCOPE_ROOTS = ['customer', 'event', 'journey', 'survey', 'unsubscribe'] as const;

export interface TemplateFieldProblem {
  /** Path inside the template object: `body`, `locales.fa.subject`. */
  field: string;
  message: string;
}

export class TemplateRenderError extends Error {
  readonly code = 'TEMPLATE.RENDER_FAILED';

  constructor(
    /** Path inside the template object: `body`, `locales.fa.subject`. */
    readonly field: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`template field "${field}": ${detail}`, options);
    this.name = 'TemplateRenderError';
  }
}

/** A channel's template fields of the registry, in order. */
function fieldsOf(channel: Channel): [string, TemplateFieldSpec][] {
  return Object.entries(CHANNELS[channel].templateFields);
}

/**
 * The Liquid sources of one field, by their path: the field itself, or for a `variables` field each of its
 * placeholders (`contentVariables.1`). A value of the wrong type comes back as is, for its problem.
 */
function liquidSources(field: string, spec: TemplateFieldSpec, value: unknown): [string, unknown][] {
  if (spec.kind !== 'variables' || !isPlainObject(value)) return [[field, value]];
  return Object.entries(value).map(([name, source]) => [`${field}.${name}`, source]);
}

/** What is wrong with a field's source at `path`, or null when it is Liquid text to parse. */
function sourceProblem(spec: TemplateFieldSpec, field: string, path: string, source: unknown): string | null {
  if (source === undefined) return 'is required';
  if (spec.kind === 'variables' && path === field) return 'must be an object of strings';
  return typeof source === 'string' ? null : 'must be a string';
}

/** `{ 'contentVariables.1': 'Sara' }` → `{ 1: 'Sara' }`. */
function keyedBy(field: string, rendered: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(rendered).map(([path, value]) => [path.slice(field.length + 1), value]),
  );
}

/** `rtl` for Persian, Hebrew, Arabic, Urdu…: one list of right-to-left locales, kept in libs/journeys. */
export function textDirection(locale: string | null | undefined): 'ltr' | 'rtl' {
  return isRtlLocale(locale) ? 'rtl' : 'ltr';
}

type Parsed = { ok: true; templates: Template[]; roots: string[] } | { ok: false; error: string };

const CACHE_LIMIT = 500;

function createLiquid(escapeHtml: boolean): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    // Missing attributes render empty so `| default:` works; unknown roots are caught statically instead.
    strictVariables: false,
    ownPropertyOnly: true,
    // Marketer-written templates never touch the file system.
    templates: {},
    outputEscape: escapeHtml ? 'escape' : undefined,
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 100_000_000,
  });
  for (const tag of ['include', 'render', 'layout']) delete liquid.tags[tag];
  return liquid;
}

/**
 * Liquid rendering of journey templates. Parsed templates are cached by source, so a journey sent to a
 * million customers is parsed once.
 */
export class TemplateRenderer {
  private readonly liquid = createLiquid(false);
  /** Same options plus HTML escaping of every output, for email `html` fields (`| raw` opts out). */
  private readonly htmlLiquid = createLiquid(true);
  private readonly cache = new Map<string, Parsed>();

  /** `null` when `source` parses and uses only the allowed scope roots, else what is wrong with it. */
  check(source: string): string | null {
    const parsed = this.parse(source, false);
    return parsed.ok ? unknownRootsMessage(parsed.roots) : parsed.error;
  }

  /** Every problem in a step's template for `channel`, default fields and each locale block. */
  checkTemplate(template: ChannelTemplate, channel: Channel): TemplateFieldProblem[] {
    const problems: TemplateFieldProblem[] = [];
    const blocks: Array<[string, Record<string, unknown>]> = [['', template]];
    // Unchecked input (the console's preview) may hold anything where a locale block belongs.
    const locales: unknown = template.locales ?? {};
    if (!isPlainObject(locales)) return [{ field: 'locales', message: 'must be an object of locale blocks' }];
    for (const [tag, block] of Object.entries(locales)) {
      if (isPlainObject(block)) blocks.push([`locales.${tag}.`, block]);
      else problems.push({ field: `locales.${tag}`, message: 'must be an object' });
    }
    for (const [prefix, block] of blocks) {
      for (const [name, spec] of fieldsOf(channel)) {
        const value = block[name];
        const field = prefix + name;
        if (value === undefined && (!spec.required || (prefix && spec.inherited))) continue;
        for (const [path, source] of liquidSources(field, spec, value)) {
          const problem = sourceProblem(spec, field, path, source);
          if (problem || typeof source !== 'string') {
            problems.push({ field: path, message: problem ?? 'must be a string' });
            continue;
          }
          const parsed = this.parse(source, spec.kind === 'html');
          const message = parsed.ok ? unknownRootsMessage(parsed.roots) : parsed.error;
          if (message) problems.push({ field: path, message });
        }
      }
    }
    return problems;
  }

  async render(
    template: ChannelTemplate,
    channel: Channel,
    locale: string | null | undefined,
    scope: RenderScope,
  ): Promise<RenderedMessage> {
    const { block, prefix } = pickLocale(template, locale);
    const out: Record<string, unknown> = {};
    for (const [name, spec] of fieldsOf(channel)) {
      const inherited = prefix && block[name] === undefined && spec.inherited;
      const value = inherited ? template[name] : block[name];
      const field = (inherited ? '' : prefix) + name;
      if (value === undefined && !spec.required) continue;
      const rendered: Record<string, string> = {};
      for (const [path, source] of liquidSources(field, spec, value)) {
        const problem = sourceProblem(spec, field, path, source);
        if (problem || typeof source !== 'string') {
          throw new TemplateRenderError(path, problem ?? 'must be a string');
        }
        rendered[path] = await this.renderField(path, source, spec.kind === 'html', scope);
      }
      out[name] = spec.kind === 'variables' ? keyedBy(field, rendered) : rendered[field];
    }
    return { channel, ...out } as RenderedMessage;
  }

  /**
   * Every string in a JSON value rendered as a plain-text template (a webhook's body), the rest kept as is;
   * `field` names the value in errors, with the path of the string that failed.
   */
  async renderJson(field: string, value: unknown, scope: RenderScope): Promise<unknown> {
    if (typeof value === 'string') return this.renderField(field, value, false, scope);
    if (Array.isArray(value)) {
      return Promise.all(value.map((item, i) => this.renderJson(`${field}.${i}`, item, scope)));
    }
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = await this.renderJson(`${field}.${key}`, item, scope);
    }
    return out;
  }

  private async renderField(
    field: string,
    source: string,
    html: boolean,
    scope: RenderScope,
  ): Promise<string> {
    const parsed = this.parse(source, html);
    if (!parsed.ok) throw new TemplateRenderError(field, parsed.error);
    const unknown = unknownRootsMessage(parsed.roots);
    if (unknown) throw new TemplateRenderError(field, unknown);
    // A survey link that renders empty is a broken message, not a degraded one.
    if (parsed.roots.includes('survey') && !scope.survey) {
      throw new TemplateRenderError(field, 'uses "survey" but the journey has no survey');
    }
    if (parsed.roots.includes('unsubscribe') && !scope.unsubscribe) {
      throw new TemplateRenderError(field, 'uses "unsubscribe" but no unsubscribe link was given');
    }
    try {
      const rendered: unknown = await (html ? this.htmlLiquid : this.liquid).render(parsed.templates, {
        customer: scope.customer,
        event: scope.event,
        journey: scope.journey,
        survey: scope.survey,
        unsubscribe: scope.unsubscribe,
      });
      return String(rendered);
    } catch (error) {
      throw new TemplateRenderError(field, errorMessage(error), { cause: error });
    }
  }

  private parse(source: string, html: boolean): Parsed {
    const key = (html ? 'h:' : 't:') + source;
    const hit = this.cache.get(key);
    if (hit) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const parsed = this.parseUncached(source, html);
    this.cache.set(key, parsed);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    return parsed;
  }

  private parseUncached(source: string, html: boolean): Parsed {
    const liquid = html ? this.htmlLiquid : this.liquid;
    try {
      const templates = liquid.parse(source);
      const roots = new Set<string>();
      for (const segments of liquid.globalVariableSegmentsSync(templates, { partials: false })) {
        const root = segments[0];
        roots.add(typeof root === 'string' ? root : JSON.stringify(root));
      }
      return { ok: true, templates, roots: [...roots] };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  }
}

function unknownRootsMessage(roots: string[]): string | null {
  const allowed: readonly string[] = TEMPLATE_SCOPE_ROOTS;
  const unknown = roots.filter((root) => !allowed.includes(root));
  if (unknown.length === 0) return null;
  return `${unknown.map((root) => `unknown variable "${root}"`).join(', ')} (allowed: ${allowed.join(', ')})`;
}

function pickLocale(
  template: ChannelTemplate,
  locale: string | null | undefined,
): { block: Record<string, unknown>; prefix: string } {
  const locales = template.locales;
  if (!locale || !locales) return { block: template, prefix: '' };
  const wanted = locale.toLowerCase().replace(/_/g, '-');
  const keys = Object.keys(locales);
  const find = (tag: string) => keys.find((key) => key.toLowerCase().replace(/_/g, '-') === tag);
  const key = find(wanted) ?? find(wanted.split('-')[0]);
  return key === undefined
    ? { block: template, prefix: '' }
    : { block: locales[key], prefix: `locales.${key}.` };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
