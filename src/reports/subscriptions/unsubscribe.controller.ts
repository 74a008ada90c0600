import { Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiController } from '../../common/http/api-controller.js';
import { UnsubscribeQuery } from './dto/unsubscribe.query.js';
import { confirmPage, donePage, invalidPage } from './unsubscribe-page.js';
import { UNSUBSCRIBE_ROUTE, UnsubscribeService } from './unsubscribe.service.js';

const HTML = { 'text/html': { schema: { type: 'string' } } };

/** The link in every report email: a confirmation page (GET) and the RFC 8058 one-click POST. */
@ApiController('reports', UNSUBSCRIBE_ROUTE)
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Unsubscribe confirmation page of a report email link (changes nothing)' })
  @ApiOkResponse({ description: 'A page with a button that unsubscribes', content: HTML })
  @ApiBadRequestResponse({ description: 'The token is not valid', content: HTML })
  async page(
    @Query() query: UnsubscribeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { subscription, unsubscribed } = await this.unsubscribe.find(query.token);
    if (!subscription) {
      reply.status(400);
      return invalidPage();
    }
    return confirmPage(subscription.language, subscription.email, query.token, unsubscribed);
  }

  @Post()
  @Public()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/html')
  @ApiOperation({
    summary: 'One-click unsubscribe (RFC 8058): deactivates the subscription of the token, and nothing else',
    description:
      'Mail clients POST `List-Unsubscribe=One-Click` (form-encoded or multipart) to the URL of the `List-Unsubscribe` header. Repeating it is harmless.',
  })
  @ApiOkResponse({ description: 'Unsubscribed', content: HTML })
  @ApiBadRequestResponse({ description: 'The token is not valid', content: HTML })
  async oneClick(
    @Query() query: UnsubscribeQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { subscription } = await this.unsubscribe.unsubscribe(query.token);
    if (!subscription) {
      reply.status(400);
      return invalidPage();
    }
    return donePage(subscription.language, subscription.email);
  }
}
