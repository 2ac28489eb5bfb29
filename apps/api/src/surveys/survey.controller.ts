import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { dottedPath, ProblemException } from '../http/problem';
import { ApiJsonResponse } from '../openapi/api-json-response.decorator';
import { surveyFormPage, surveyMessagePage, type SurveyMessage } from './survey-page';
import { SurveyService, type SurveyLookup } from './survey.service';

export const surveyAnswerSchema = z.object({
  score: z.coerce.number().int().min(0).max(10).describe('0 (not at all likely) to 10 (extremely likely)'),
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || undefined),
});

class SurveyAnswerDto extends createZodDto(surveyAnswerSchema) {}
const surveyAnsweredSchema = z.object({
  id: z.uuid().describe('The answer’s touchpoint'),
  score: z.number().int(),
  comment: z.string().nullable(),
});

const html = { 'text/html': { schema: { type: 'string' } } };
const problemOrPage = { 'application/problem+json': { schema: { $ref: getSchemaPath('Problem') } }, ...html };

const STATUS: Record<Exclude<SurveyLookup['kind'], 'open'>, number> = {
  invalid: 403,
  gone: 404,
  answered: 409,
};

const PROBLEM: Record<Exclude<SurveyLookup['kind'], 'open'>, [string, string]> = {
  invalid: ['forbidden', 'The survey link is not valid.'],
  gone: ['not-found', 'The survey was not found.'],
  answered: ['conflict', 'This survey link has already been answered.'],
};

/** The survey link's first language, for pages shown before we know the customer (a bad link). */
function acceptedLocale(header: string | undefined): string | null {
  return header?.split(',')[0]?.split(';')[0]?.trim() || null;
}

function sendPage(res: Response, status: number, html: string): void {
  res
    .status(status)
    .setHeader('Content-Type', 'text/html; charset=utf-8')
    .setHeader('Cache-Control', 'no-store')
    // The token is in the URL: never pass it on; the page has no script and posts only to itself.
    .setHeader('Referrer-Policy', 'no-referrer')
    .setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    .send(html);
}

/**
 * `/s/{token}`: the survey page a message links to. Public (the signed token is the credential), outside
 * /v1, usable without JavaScript: GET shows the 0–10 scale, the form POSTs back here. A JSON POST gets
 * JSON back, a form POST a page.
 */
@ApiTags('surveys')
@Public()
@Controller('s')
export class SurveyController {
  constructor(private readonly surveys: SurveyService) {}

  @Get(':token')
  @ApiOperation({ summary: 'The survey page (HTML, in the customer’s language and direction)' })
  @ApiResponse({ status: 200, description: 'The 0–10 scale as a form', content: html })
  @ApiResponse({ status: 403, description: 'The link is not valid', content: html })
  @ApiResponse({ status: 404, description: 'The survey is gone', content: html })
  @ApiResponse({ status: 409, description: 'Already answered', content: html })
  async show(
    @Param('token') token: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.surveys.open(token);
    if (found.kind === 'open') {
      sendPage(
        res,
        200,
        surveyFormPage({ locale: found.carrier.locale, question: found.carrier.survey.question }),
      );
      return;
    }
    const locale = found.kind === 'answered' ? found.carrier.locale : acceptedLocale(acceptLanguage);
    sendPage(res, STATUS[found.kind], surveyMessagePage(locale, found.kind as SurveyMessage));
  }

  @Post(':token')
  @HttpCode(201)
  @ApiOperation({ summary: 'Answer the survey once: JSON `{ score, comment }` or the page’s form' })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ type: SurveyAnswerDto })
  @ApiJsonResponse(201, 'SurveyAnswered', surveyAnsweredSchema, 'Recorded (a JSON post)')
  @ApiResponse({ status: 200, description: 'Recorded (a form post): a thank-you page', content: html })
  @ApiResponse({
    status: 400,
    description: 'Invalid score or comment; nothing recorded',
    content: problemOrPage,
  })
  @ApiResponse({ status: 403, description: 'The link is not valid', content: problemOrPage })
  @ApiResponse({ status: 404, description: 'The survey is gone', content: problemOrPage })
  @ApiResponse({ status: 409, description: 'Already answered', content: problemOrPage })
  async answer(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const json = Boolean(req.is(['application/json', 'application/*+json']));
    const parsed = surveyAnswerSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      // Nothing is recorded; the link stays usable.
      if (json) {
        throw ProblemException.validation(
          parsed.error.issues.map((i) => ({ path: dottedPath(i.path), message: i.message })),
        );
      }
      const found = await this.surveys.open(token);
      if (found.kind === 'open') {
        const body = req.body as { comment?: unknown } | undefined;
        sendPage(
          res,
          400,
          surveyFormPage({
            locale: found.carrier.locale,
            question: found.carrier.survey.question,
            error: true,
            comment: typeof body?.comment === 'string' ? body.comment : undefined,
          }),
        );
        return;
      }
      sendPage(
        res,
        STATUS[found.kind],
        surveyMessagePage(acceptedLocale(req.headers['accept-language']), found.kind),
      );
      return;
    }
    const outcome = await this.surveys.answer(token, parsed.data);
    if (outcome.kind === 'recorded') {
      if (json) {
        res
          .status(201)
          .json({ id: outcome.id, score: parsed.data.score, comment: parsed.data.comment ?? null });
      } else {
        sendPage(res, 200, surveyMessagePage(outcome.carrier.locale, 'thanks'));
      }
      return;
    }
    if (json) throw new ProblemException(STATUS[outcome.kind], ...PROBLEM[outcome.kind]);
    const locale =
      outcome.kind === 'answered' ? outcome.carrier.locale : acceptedLocale(req.headers['accept-language']);
    sendPage(res, STATUS[outcome.kind], surveyMessagePage(locale, outcome.kind));
  }
}
