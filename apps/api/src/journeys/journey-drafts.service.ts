import { Injectable } from '@nestjs/common';
import {
  Clock,
  JourneyDraftRepository,
  JourneyRepository,
  type Actor,
  type JourneyDraft,
} from '@touchpoint/core';
import { ProblemException } from '../http/problem';
import { JourneyService } from './journey.service';

const draftView = (d: JourneyDraft) => ({
  journeyId: d.journeyId,
  definition: d.definition as Record<string, unknown>,
  baseVersion: d.baseVersion,
  updatedAt: d.updatedAt.toISOString(),
  updatedBy: d.updatedBy,
});

/**
 * One server-side draft per journey: editing a live journey changes the draft, not what runs; publishing
 * validates it like PUT /v1/journeys/{id} and makes it the next version.
 */
@Injectable()
export class JourneyDraftsService {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly drafts: JourneyDraftRepository,
    private readonly journeyService: JourneyService,
    private readonly clock: Clock,
  ) {}

  async get(journeyId: string) {
    await this.journeyService.get(journeyId);
    const draft = await this.drafts.find(journeyId);
    if (!draft) throw ProblemException.notFound('The draft of this journey');
    return draftView(draft);
  }

  async save(
    journeyId: string,
    input: { definition: Record<string, unknown>; baseVersion: number },
    actor: Actor,
  ) {
    const journey = await this.journeyService.get(journeyId);
    if (journey.status === 'archived') {
      throw ProblemException.conflict('The journey is archived and cannot change; duplicate it instead.');
    }
    if (input.baseVersion > journey.version) {
      throw ProblemException.validation([
        { path: 'baseVersion', message: `the journey is at version ${journey.version}` },
      ]);
    }
    const draft = { journeyId, ...input, updatedAt: this.clock.now(), updatedBy: actor };
    await this.drafts.save(draft);
    return draftView(draft);
  }

  async discard(journeyId: string): Promise<void> {
    await this.journeyService.get(journeyId);
    if (!(await this.drafts.delete(journeyId))) throw ProblemException.notFound('The draft of this journey');
  }

  /**
   * 400 (the draft kept) when it does not validate; 409 when someone published another version since the
   * draft was based: save it again with the new baseVersion once its author has seen what changed.
   */
  async publish(journeyId: string, actor: Actor) {
    const draft = await this.drafts.find(journeyId);
    if (!draft) {
      await this.journeyService.get(journeyId);
      throw ProblemException.notFound('The draft of this journey');
    }
    const current = await this.journeys.find(journeyId);
    if (current && current.version !== draft.baseVersion) {
      throw ProblemException.conflict(
        `The draft was based on version ${draft.baseVersion}, but the journey is at version ${current.version} now.`,
      );
    }
    const published = await this.journeyService.update(journeyId, draft.definition, actor);
    await this.drafts.delete(journeyId, draft.updatedAt);
    return published;
  }
}
