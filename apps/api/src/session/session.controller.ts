import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@touchpoint/core';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { Public, Roles } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem';
import { ApiJsonBodyProblems, ApiProblems } from '../openapi/api-problems.decorator';
import { ConsoleSessionService } from './console-session.service';
import { clearedSessionCookie, sessionCookie } from './session-cookie';
import { Audited } from '../audit/audited.decorator';

const signInSchema = z.object({
  key: z.string().trim().min(1).max(200).describe('An API key (`tp_…`) of any role but ingest'),
});
class SignInDto extends createZodDto(signInSchema) {}

const sessionSchema = z.object({
  keyId: z.uuid(),
  name: z.string().describe("The key's name"),
  role: z.enum(ROLES as ['admin', 'marketer', 'analyst', 'ingest']),
  csrfToken: z.string().describe('Send as X-CSRF-Token with every change made with the session cookie'),
  expiresAt: z.iso.datetime().describe('When the session ends unless used before; each use moves it'),
});
class SessionDto extends createZodDto(sessionSchema) {}

/** Everyone who may sign in (admin always may). */
const PEOPLE = ['marketer', 'analyst'] as const;

@ApiTags('session')
@Controller('v1/session')
export class SessionController {
  constructor(private readonly sessions: ConsoleSessionService) {}

  @Post()
  @Public()
  @ZodResponse({ status: 200, type: SessionDto, description: 'Signed in; the tp_session cookie is set' })
  @ApiOperation({
    summary: 'Sign in to the console with an API key: 401 unknown key, 403 an ingest key',
  })
  @ApiJsonBodyProblems()
  @ApiProblems([401, 'The key is unknown or revoked'], [403, 'An ingest key cannot sign in'])
  @Audited({
    action: 'console.signed_in',
    target: 'api_key',
    targetId: ({ result }) => (result as { keyId: string }).keyId,
  })
  async signIn(@Body() body: SignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { id, session } = await this.sessions.signIn(body.key);
    res.append('Set-Cookie', sessionCookie(id, req));
    res.set('Cache-Control', 'no-store');
    return session;
  }

  @Get()
  @Roles(...PEOPLE)
  @ZodResponse({ status: 200, type: SessionDto, description: 'The live session (with its CSRF token)' })
  @ApiOperation({ summary: 'The session of the tp_session cookie; 401 without a live one' })
  current(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    if (!req.consoleSession) {
      throw new ProblemException(401, 'unauthorized', 'No console session: sign in with POST /v1/session.');
    }
    res.set('Cache-Control', 'no-store');
    return req.consoleSession.view;
  }

  @Delete()
  @HttpCode(204)
  @Roles(...PEOPLE)
  @ApiOperation({ summary: 'Sign out: the session ends server-side and the cookie is cleared' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @Audited({ action: 'console.signed_out', target: 'api_key' })
  async signOut(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    if (req.consoleSession) await this.sessions.signOut(req.consoleSession.id);
    res.append('Set-Cookie', clearedSessionCookie(req));
  }
}
