import { Injectable } from '@nestjs/common';
import { JourneyRepository, TemplateSampleRepository } from '@touchpoint/core';
import { z } from 'zod';
import { ProblemException } from '../http/problem';

/** Enrollments read at most: enough to see the usual shapes, bounded however busy the journey is. */
const SAMPLE_SIZE = 200;
/** Nested objects are followed this deep (`customer.attributes.address.city`). */
const MAX_DEPTH = 3;
/** Paths returned at most per root, the most common first. */
const MAX_PATHS = 100;

export const templateVariablesQuerySchema = z.object({ journeyId: z.uuid() });

export const templateVariablesSchema = z.object({
  customer: z.array(z.string()).describe('`customer.attributes.*` paths, the most common first'),
  event: z
    .array(z.string())
    .describe('`event.properties.*` paths of the trigger event, the most common first'),
  sampled: z.int().describe('How many recent enrollments were read'),
});

/** The Liquid paths a journey's templates can use, from what its latest enrollments actually carried. */
@Injectable()
export class TemplateVariablesService {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly samples: TemplateSampleRepository,
  ) {}

  async forJourney(journeyId: string): Promise<z.input<typeof templateVariablesSchema>> {
    if (!(await this.journeys.find(journeyId))) throw ProblemException.notFound('The journey');
    const sample = await this.samples.latestOfJourney(journeyId, SAMPLE_SIZE);
    return {
      customer: commonPaths('customer.attributes', sample.customerAttributes),
      event: commonPaths('event.properties', sample.eventProperties),
      sampled: Math.max(sample.customerAttributes.length, sample.eventProperties.length),
    };
  }
}

/** Every leaf path under `root` in `objects`, by how many objects carry it, then alphabetically. */
export function commonPaths(root: string, objects: Record<string, unknown>[]): string[] {
  const counts = new Map<string, number>();
  const visit = (value: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, child] of Object.entries(value)) {
      if (!/^[A-Za-z_][\w-]*$/.test(key)) continue; // not reachable with Liquid's dot syntax
      const path = `${prefix}.${key}`;
      if (child && typeof child === 'object' && !Array.isArray(child) && depth < MAX_DEPTH) {
        visit(child as Record<string, unknown>, path, depth + 1);
      } else {
        counts.set(path, (counts.get(path) ?? 0) + 1);
      }
    }
  };
  for (const object of objects) visit(object, root, 1);
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, MAX_PATHS)
    .map(([path]) => path);
}
