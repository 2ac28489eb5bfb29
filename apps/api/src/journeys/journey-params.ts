import { ParseUUIDPipe } from '@nestjs/common';
import type { Actor } from '@touchpoint/core';
import type { Caller } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';

/** A journey id that is not a UUID names no journey: 404, like an unknown one. */
export function journeyIdPipe() {
  return new ParseUUIDPipe({ exceptionFactory: () => ProblemException.notFound('The journey') });
}

/** Who is recorded on a journey change: the calling key's name and id. */
export const actorOf = (caller: Caller): Actor => ({ name: caller.name, keyId: caller.keyId });
