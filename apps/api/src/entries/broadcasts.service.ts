import { Injectable } from '@nestjs/common';
import { BroadcastRepository, Clock, JourneyRepository, type Actor, type Broadcast } from '@touchpoint/core';
import { randomUUID } from 'node:crypto';
import { ProblemException } from '../http/problem';
import type { BroadcastBody, BroadcastView } from './entry.schema';

/**
 * Broadcasts: the API records one (`running`); the worker's BroadcastRunner enrolls its customers chunk by
 * chunk, and this service reads its progress or cancels it.
 */
@Injectable()
export class BroadcastsService {
  constructor(
    private readonly clock: Clock,
    private readonly journeys: JourneyRepository,
    private readonly broadcasts: BroadcastRepository,
  ) {}

  async start(journeyId: string, body: BroadcastBody, actor: Actor): Promise<BroadcastView> {
    const journey = await this.journeys.find(journeyId);
    if (!journey) throw ProblemException.notFound('The journey');
    if (journey.status === 'archived') {
      throw ProblemException.conflict('The journey is archived: it takes no new enrollments.');
    }
    const broadcast = await this.broadcasts.create({
      id: randomUUID(),
      journeyId,
      condition: body.condition,
      actor,
      at: this.clock.now(),
    });
    return broadcastView(broadcast);
  }

  async get(journeyId: string, id: string): Promise<BroadcastView> {
    const broadcast = await this.broadcasts.find(journeyId, id);
    if (!broadcast) throw ProblemException.notFound('The broadcast');
    return broadcastView(broadcast);
  }

  /** Stops it: the chunk a worker has in hand commits, no other starts. */
  async cancel(journeyId: string, id: string): Promise<BroadcastView> {
    const ending = { status: 'cancelled', reason: 'cancelled', at: this.clock.now() } as const;
    const ended = await this.broadcasts.end({ id, journeyId }, ending);
    if (ended) return broadcastView(ended);
    const broadcast = await this.broadcasts.find(journeyId, id);
    if (!broadcast) throw ProblemException.notFound('The broadcast');
    throw ProblemException.conflict(`The broadcast is already ${broadcast.status}.`);
  }
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function broadcastView(b: Broadcast): BroadcastView {
  return {
    id: b.id,
    journeyId: b.journey_id,
    condition: b.condition,
    status: b.status,
    cursor: b.cursor,
    progress: {
      scanned: Number(b.scanned),
      matched: Number(b.matched),
      enrolled: Number(b.enrolled),
      alreadyEnrolled: Number(b.already_enrolled),
      notEligible: Number(b.not_eligible),
    },
    endReason: b.end_reason,
    createdBy: b.created_by,
    createdAt: iso(b.created_at),
    updatedAt: iso(b.updated_at),
    finishedAt: b.finished_at ? iso(b.finished_at) : null,
  };
}
