import { Inject, Injectable } from '@nestjs/common';
import {
  Clock,
  CustomerRepository,
  DB,
  EnrollmentRequestRepository,
  JourneyRepository,
  QueueGateway,
  retryOnDeadlock,
  type Database,
  type Executor,
  type JourneyRecord,
} from '@touchpoint/core';
import type { JourneyDefinition } from '@touchpoint/journeys';
import { JourneyEntry, type EntryOutcome } from '@touchpoint/worker';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { ProblemException } from '../http/problem';
import type { EnrollmentsBody, EnrollmentsResult } from './entry.schema';

/** A key clients choose: printable, short enough to index. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface EnrollmentsAnswer {
  result: EnrollmentsResult;
  /** The answer of an earlier request with the same key, not a new enrollment. */
  replayed: boolean;
}

type Outcome = EnrollmentsResult['results'][number];

/**
 * Enrollments by id: the customers enter the journey's current version as its trigger would (JourneyEntry),
 * in one transaction that also keeps the answer under the request's `Idempotency-Key`, if it has one.
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly journeys: JourneyRepository,
    private readonly customers: CustomerRepository,
    private readonly requests: EnrollmentRequestRepository,
    private readonly entry: JourneyEntry,
    private readonly queue: QueueGateway,
  ) {}

  async enroll(
    journeyId: string,
    body: EnrollmentsBody,
    key: string | undefined,
  ): Promise<EnrollmentsAnswer> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw ProblemException.validation([
        { path: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters, no spaces' },
      ]);
    }
    if (!(await this.journeys.find(journeyId))) throw ProblemException.notFound('The journey');
    const customerIds = [...new Set(body.customerIds)];
    const now = this.clock.now();
    const answer = await retryOnDeadlock(() =>
      this.db.transaction().execute(async (trx) => {
        const claim = key && (await this.claim(trx, journeyId, key, customerIds, now));
        if (claim) return claim;
        const done = await this.enrollIn(trx, journeyId, customerIds, now);
        if (key) await this.requests.answer(trx, { journeyId, key }, done.result);
        return done;
      }),
    );
    if ('jobs' in answer) {
      const { jobs } = answer;
      // Committed: what Redis does not take in time, the reconciler enqueues from PostgreSQL.
      await this.queue.handOff(async (q) => {
        await q.removeSteps(jobs.remove);
        await q.addSteps(jobs.add);
      });
      return { result: answer.result, replayed: false };
    }
    return answer;
  }

  /** Takes the key, or answers as the request that took it did (the same customers only). */
  private async claim(
    trx: Executor,
    journeyId: string,
    key: string,
    customerIds: string[],
    now: Date,
  ): Promise<EnrollmentsAnswer | undefined> {
    const bodyHash = createHash('sha256')
      .update(JSON.stringify([...customerIds].sort()))
      .digest('hex');
    const claim = await this.requests.claim(trx, { journeyId, key, bodyHash, at: now });
    if (claim.kind === 'claimed') return undefined;
    if (claim.bodyHash !== bodyHash) {
      throw new ProblemException(
        409,
        'idempotency-key-reused',
        'This Idempotency-Key was used for other customers: choose a new key for a new request.',
      );
    }
    return { result: claim.response as EnrollmentsResult, replayed: true };
  }

  private async enrollIn(trx: Executor, journeyId: string, customerIds: string[], now: Date) {
    const journey = await this.journeys.findShared(trx, journeyId);
    if (!journey) throw ProblemException.notFound('The journey');
    if (journey.status !== 'active') {
      throw ProblemException.conflict(`The journey is ${journey.status}: it takes no new enrollments.`);
    }
    const found = await this.customers.findMany(customerIds, trx);
    // In id order: two requests naming the same customers take their locks in the same order.
    const customers = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const { outcomes, jobs } = await this.entry.enter(trx, {
      journey: { journeyId, version: journey.version, definition: journey.definition as JourneyDefinition },
      customers,
      now,
    });
    const byCustomer = new Map(outcomes.map((o) => [o.customerId, o]));
    const results = customerIds.map((id): Outcome =>
      byCustomer.has(id) ? view(byCustomer.get(id)!) : { customerId: id, outcome: 'not_found' },
    );
    return { result: summary(journey, results), jobs };
  }
}

function view(outcome: EntryOutcome): Outcome {
  switch (outcome.outcome) {
    case 'enrolled':
      return { customerId: outcome.customerId, outcome: 'enrolled', enrollmentId: outcome.enrollmentId };
    case 'already_enrolled':
      return { customerId: outcome.customerId, outcome: 'already_enrolled' };
    case 'not_eligible':
      return { customerId: outcome.customerId, outcome: 'not_eligible', reason: outcome.reason };
  }
}

function summary(journey: JourneyRecord, results: Outcome[]): EnrollmentsResult {
  const count = (outcome: Outcome['outcome']) => results.filter((r) => r.outcome === outcome).length;
  return {
    journeyId: journey.id,
    version: journey.version,
    counts: {
      enrolled: count('enrolled'),
      alreadyEnrolled: count('already_enrolled'),
      notFound: count('not_found'),
      notEligible: count('not_eligible'),
    },
    results,
  };
}
