import { Inject, Injectable, Optional } from '@nestjs/common';
import { TemplateRenderer } from '@touchpoint/channels';
import {
  CONFIG,
  Clock,
  DB,
  EnrollmentRepository,
  JourneyNameTakenError,
  JourneyRepository,
  QueueGateway,
  retryOnDeadlock,
  ScheduledStepRepository,
  TouchpointRepository,
  type Config,
  type Database,
  type DueJob,
  type JourneyRecord,
  type JourneyStatus,
  type Actor,
} from '@touchpoint/core';
import { validateJourney, type JourneyDefinition } from '@touchpoint/journeys';
import type { Kysely } from 'kysely';
import { JourneyCatalog } from '@touchpoint/worker';
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

/** The journey_changes action for a move to each status. */
const STATUS_ACTIONS: Record<JourneyStatus, string> = {
  active: 'resumed',
  paused: 'paused',
  archived: 'archived',
};

/**
 * Journeys are refused at POST if they could not run: schema, graph and every template are checked.
 * Every change makes a journey_changes row with the caller's key name; the in-process JourneyCatalog
 * (present when this process runs the worker too) is invalidated at once, others within its TTL.
 */
@Injectable()
export class JourneyService {
  constructor(
    @Inject(DB) private readonly db: Kysely<Database>,
    @Inject(CONFIG) private readonly config: Config,
    private readonly journeys: JourneyRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly steps: ScheduledStepRepository,
    private readonly touchpoints: TouchpointRepository,
    private readonly queue: QueueGateway,
    private readonly renderer: TemplateRenderer,
    private readonly clock: Clock,
    @Optional() private readonly catalog?: JourneyCatalog,
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

  async create(body: unknown, actor: Actor) {
    const definition = this.validate(body);
    try {
      const created = await this.journeys.create(definition, actor, this.clock.now());
      this.catalog?.invalidate();
      return journeyView(created);
    } catch (error) {
      this.rethrow(error, definition);
    }
  }

  async get(id: string) {
    const found = await this.journeys.find(id);
    if (!found) throw ProblemException.notFound('The journey');
    return journeyView(found);
  }

  /** A new version; enrollments already running finish on the version they started on. */
  async update(id: string, body: unknown, actor: Actor) {
    const definition = this.validate(body);
    let updated;
    try {
      updated = await this.journeys.addVersion(id, definition, actor, this.clock.now());
    } catch (error) {
      this.rethrow(error, definition);
    }
    if (updated === undefined) throw ProblemException.notFound('The journey');
    if (updated === 'archived') {
      throw ProblemException.conflict('The journey is archived and cannot change; create a new one.');
    }
    this.catalog?.invalidate();
    return journeyView(updated);
  }

  /** Steps that come due while paused are held in PostgreSQL; no new enrollments. */
  pause(id: string, actor: Actor) {
    return this.moveTo(id, 'paused', actor);
  }

  /** Queues what came due while paused at once, rather than at the next scheduler tick. */
  resume(id: string, actor: Actor) {
    return this.moveTo(id, 'active', actor);
  }

  /** No new enrollments; running ones end (`archived`), their pending steps and unsent touchpoints are cancelled. */
  archive(id: string, actor: Actor) {
    return this.moveTo(id, 'archived', actor);
  }

  async history(id: string) {
    if (!(await this.journeys.find(id))) throw ProblemException.notFound('The journey');
    const changes = await this.journeys.history(id);
    return {
      items: changes.map((c) => ({
        version: c.version,
        action: c.action,
        actor: c.actor,
        actorKeyId: c.actor_key_id,
        at: c.at,
      })),
    };
  }

  /**
   * One status change under a row lock on the journey. Asking for the status it already has changes
   * nothing (200); an archived journey cannot move (409).
   */
  private async moveTo(id: string, to: JourneyStatus, actor: Actor) {
    const now = this.clock.now();
    const jobs: { add: DueJob[]; remove: DueJob[] } = { add: [], remove: [] };
    const outcome = await retryOnDeadlock(() =>
      this.db.transaction().execute(async (trx) => {
        jobs.add = [];
        jobs.remove = [];
        const journey = await this.journeys.lock(trx, id);
        if (!journey) return 'not_found' as const;
        if (journey.status === to) return 'unchanged' as const;
        if (journey.status === 'archived') return 'archived' as const;
        await this.journeys.setStatus(trx, id, to, now);
        await this.journeys.recordChange(trx, {
          journeyId: id,
          version: journey.version,
          action: STATUS_ACTIONS[to],
          actor,
          at: now,
        });
        if (to === 'archived') {
          jobs.remove = await this.steps.cancelForJourney(trx, id, now);
          await this.touchpoints.cancelForJourney(trx, id, now);
          await this.enrollments.endForJourney(trx, id, { status: 'exited', reason: 'archived', at: now });
        } else if (to === 'active') {
          const horizon = new Date(now.getTime() + this.config.SCHEDULE_HORIZON_MS);
          jobs.add = await this.steps.promoteForJourney(trx, id, horizon, now);
        }
        return 'changed' as const;
      }),
    );
    if (outcome === 'not_found') throw ProblemException.notFound('The journey');
    if (outcome === 'archived') {
      throw ProblemException.conflict(`The journey is archived: it cannot be ${STATUS_ACTIONS[to]}.`);
    }
    if (outcome === 'changed') {
      this.catalog?.invalidate();
      // Committed: with Redis away, the reconciler queues the resumed steps; cancelled ones no-op when due.
      await this.queue.handOff(async (q) => {
        await q.removeSteps(jobs.remove);
        await q.addSteps(jobs.add);
      });
    }
    return this.get(id);
  }

  private rethrow(error: unknown, definition: JourneyDefinition): never {
    if (error instanceof JourneyNameTakenError) {
      throw ProblemException.conflict(`A live journey is already named "${definition.name}".`);
    }
    throw error;
  }
}
