import { Injectable } from '@nestjs/common';
import { Clock, SurveyAnswerRepository, SurveyLinks, type SurveyCarrier } from '@touchpoint/core';

export type SurveyLookup =
  | { kind: 'invalid' }
  | { kind: 'gone' }
  | { kind: 'answered'; carrier: SurveyCarrier }
  | { kind: 'open'; carrier: SurveyCarrier & { survey: { question: string } } };

export type SurveyAnswerOutcome =
  Exclude<SurveyLookup, { kind: 'open' }> | { kind: 'recorded'; id: string; carrier: SurveyCarrier };

/** A survey link: check its signature, find the touchpoint that carried it, record one answer. */
@Injectable()
export class SurveyService {
  constructor(
    private readonly links: SurveyLinks,
    private readonly answers: SurveyAnswerRepository,
    private readonly clock: Clock,
  ) {}

  async open(token: string): Promise<SurveyLookup> {
    const touchpointId = this.links.read(token);
    if (!touchpointId) return { kind: 'invalid' };
    const carrier = await this.answers.findCarrier(touchpointId);
    if (!carrier?.survey) return { kind: 'gone' };
    if (carrier.answeredAt) return { kind: 'answered', carrier };
    return { kind: 'open', carrier: { ...carrier, survey: carrier.survey } };
  }

  async answer(token: string, answer: { score: number; comment?: string }): Promise<SurveyAnswerOutcome> {
    const found = await this.open(token);
    if (found.kind !== 'open') return found;
    const recorded = await this.answers.record(found.carrier, answer, this.clock.now());
    return recorded === 'answered'
      ? { kind: 'answered', carrier: found.carrier }
      : { kind: 'recorded', id: recorded.id, carrier: found.carrier };
  }
}
