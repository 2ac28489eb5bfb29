import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frequencyCapsSchema } from './frequency-cap';
import { cartAbandonment } from './journey.fixture';
import { journeyDefinitionSchema } from './journey-definition';

describe('journeyDefinitionSchema', () => {
  it('should parse the cart-abandonment journey and fill the defaults', () => {
    expect(journeyDefinitionSchema.parse(cartAbandonment)).toEqual({
      ...cartAbandonment,
      reentry: 'never',
      transactional: false,
    });
  });

  it('should drop unknown top-level fields, such as those of a journey read back from GET', () => {
    const parsed = journeyDefinitionSchema.parse({
      ...cartAbandonment,
      id: 'jrn-1',
      version: 3,
      status: 'active',
    });

    expect(parsed).not.toHaveProperty('id');
  });

  it.each([
    ['input', 'draft-2020-12'],
    ['output', 'draft-2020-12'],
    ['input', 'openapi-3.0'],
  ] as const)('should generate a described JSON Schema for %s in %s', (io, target) => {
    const schema = z.toJSONSchema(journeyDefinitionSchema, { io, target }) as {
      properties: Record<string, { description?: string }>;
    };

    expect(schema.properties.stage.description).toContain('Lifecycle stage');
    expect(schema.properties.steps.description).toContain('array order');
    expect(JSON.stringify(schema)).toContain('Dotted path starting at');
  });

  it('should generate a JSON Schema for the frequency caps', () => {
    expect(JSON.stringify(z.toJSONSchema(frequencyCapsSchema, { io: 'input' }))).toContain(
      'rolling duration',
    );
  });
});
