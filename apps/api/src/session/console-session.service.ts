import { Inject, Injectable } from '@nestjs/common';
import {
  ApiKeyRepository,
  CONFIG,
  Clock,
  ConsoleSessionRepository,
  type Config,
  type ConsoleSession,
  type Role,
} from '@touchpoint/core';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '../http/problem';

/** A session sliding its idle expiry writes at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionView {
  keyId: string;
  name: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
}

const view = (
  s: Pick<ConsoleSession, 'keyId' | 'name' | 'role' | 'csrfToken' | 'expiresAt'>,
): SessionView => ({
  keyId: s.keyId,
  name: s.name,
  role: s.role,
  csrfToken: s.csrfToken,
  expiresAt: s.expiresAt.toISOString(),
});

/** Console sign-in: a pasted API key becomes a server-side session, so the key never sits in the browser. */
@Injectable()
export class ConsoleSessionService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly keys: ApiKeyRepository,
    private readonly sessions: ConsoleSessionRepository,
    private readonly clock: Clock,
  ) {}

  private get idleMs(): number {
    return this.config.SESSION_IDLE_MINUTES * 60_000;
  }

  /** 401 for an unknown or revoked key, 403 for `ingest` (a pipeline's key, not a person's). */
  async signIn(key: string): Promise<{ id: string; session: SessionView }> {
    const row = await this.keys.findActiveByKey(key, this.clock.now());
    if (!row) {
      throw new ProblemException(401, 'unauthorized', 'The API key is unknown or revoked (or expired).', [
        { path: 'key', message: 'unknown, revoked or expired key' },
      ]);
    }
    if (row.role === 'ingest') {
      throw new ProblemException(403, 'forbidden', 'An ingest key cannot sign in to the console.', [
        { path: 'key', message: 'the ingest role cannot sign in' },
      ]);
    }
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const at = this.clock.now();
    const expiresAt = new Date(at.getTime() + this.idleMs);
    await this.sessions.create({ id, keyId: row.id, csrfToken, at, expiresAt });
    return { id, session: view({ keyId: row.id, name: row.name, role: row.role, csrfToken, expiresAt }) };
  }

  /** The live session, its idle expiry slid forward; undefined once it has ended. */
  async resume(id: string): Promise<SessionView | undefined> {
    const now = this.clock.now();
    const found = await this.sessions.findLive(id, now);
    if (!found) return undefined;
    const expiresAt = new Date(now.getTime() + this.idleMs);
    if (now.getTime() - found.lastUsedAt.getTime() < TOUCH_EVERY_MS) return view(found);
    await this.sessions.touch(id, now, expiresAt);
    return view({ ...found, expiresAt });
  }

  async signOut(id: string): Promise<void> {
    await this.sessions.delete(id);
  }

  /** Compared in constant time: the token is a secret the page holds. */
  static csrfMatches(sent: string | string[] | undefined, expected: string): boolean {
    if (typeof sent !== 'string') return false;
    const a = Buffer.from(sent);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
