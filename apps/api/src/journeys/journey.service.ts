import { Injectable } from '@nestjs/common';
import { TemplateRenderer } from '@touchpoint/channels';
import { Clock, JourneyNameTakenError, JourneyRepository, type JourneyRecord } from '@touchpoint/core';
import { validateJourney, type JourneyDefinition } from '@touchpoint/journeys';
import { ProblemException } from '../http/problem';

export function journeyView(j: JourneyRecord) {
  const definition = j.definition as JourneyDefinition;
  return {
    id: j.id,
    version: j.version,
    status: j.status,
    ...definition,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  };
}

/** Journeys are refused at POST if they could not run: schema, graph and every template are checked. */
@Injectable()
export class JourneyService {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly renderer: TemplateRenderer,
    private readonly clock: Clock,
  ) {}

  validate(body: unknown): JourneyDefinition {
    const result = validateJourney(body, { checkTemplate: (source) => this.renderer.check(source) });
    if (!result.ok) {
      throw ProblemException.validation(
        result.problems.map((p) => ({ path: p.path, message: p.message, code: p.code })),
        'The journey cannot run as written.',
      );
    }
    return result.journey;
  }

  async create(body: unknown, actor: string) {
    const definition = this.validate(body);
    try {
      return journeyView(await this.journeys.create(definition, actor, this.clock.now()));
    } catch (error) {
      if (error instanceof JourneyNameTakenError) {
        throw ProblemException.conflict(`A live journey is already named "${definition.name}".`);
      }
      throw error;
    }
  }

  async get(id: string) {
    const found = await this.journeys.find(id);
    if (!found) throw ProblemException.notFound('The journey');
    return journeyView(found);
  }
}
