import { applyDecorators, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { LinkSigner } from '@touchpoint/core';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { UnsubscribeService } from './unsubscribe.service';
import { unsubscribePage } from './unsubscribe-page';

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // The link carries its signature: never hand it to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
};

const html = { 'text/html': { schema: { type: 'string' } } };
/** The link's signature, and the pages it answers with: a page even on error, since a person reads it. */
const PAGE_RESPONSES = applyDecorators(
  ApiQuery({ name: 'sig', required: true, description: 'The link’s signature', schema: { type: 'string' } }),
  ApiResponse({ status: 403, description: 'The signature does not match: an error page', content: html }),
  ApiResponse({ status: 404, description: 'No such touchpoint: an error page', content: html }),
);

/**
 * The signed unsubscribe link in every email (`/unsubscribe/{touchpointId}?sig=…`). GET shows a page with
 * one button, since mail scanners follow links; POST (that button, or a mail client's RFC 8058 one-click)
 * revokes email consent and marks the touchpoint `unsubscribed`.
 */
@ApiTags('webhooks')
@Controller('unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(
    private readonly links: LinkSigner,
    private readonly unsubscribes: UnsubscribeService,
  ) {}

  @Get(':touchpointId')
  @ApiOperation({ summary: 'The unsubscribe confirmation page (signed link)' })
  @ApiResponse({ status: 200, description: 'A page with one button', content: html })
  @PAGE_RESPONSES
  async page(
    @Param('touchpointId') touchpointId: string,
    @Query('sig') sig: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (!this.links.verify('unsubscribe', touchpointId, sig)) {
      res.status(403).set(PAGE_HEADERS).send(unsubscribePage('invalid', undefined));
      return;
    }
    const target = await this.unsubscribes.target(touchpointId);
    if (!target) {
      res.status(404).set(PAGE_HEADERS).send(unsubscribePage('invalid', undefined));
      return;
    }
    res
      .status(200)
      .set(PAGE_HEADERS)
      .send(unsubscribePage('confirm', target.locale, req.originalUrl));
  }

  @Post(':touchpointId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unsubscribe: one-click (RFC 8058) or the page’s button (signed link)' })
  @ApiResponse({ status: 200, description: 'Email consent revoked: a page saying so', content: html })
  @PAGE_RESPONSES
  async unsubscribe(
    @Param('touchpointId') touchpointId: string,
    @Query('sig') sig: unknown,
    @Res() res: Response,
  ): Promise<void> {
    if (!this.links.verify('unsubscribe', touchpointId, sig)) {
      res.status(403).set(PAGE_HEADERS).send(unsubscribePage('invalid', undefined));
      return;
    }
    const target = await this.unsubscribes.unsubscribe(touchpointId);
    if (!target) {
      res.status(404).set(PAGE_HEADERS).send(unsubscribePage('invalid', undefined));
      return;
    }
    res.status(200).set(PAGE_HEADERS).send(unsubscribePage('done', target.locale));
  }
}
