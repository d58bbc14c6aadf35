import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SatisfactionSurveys } from '../application/answer-satisfaction-survey.js';
import { DomainError } from '../domain/project/errors.js';
import { SurveyAnswerInput } from '../graphql/inputs/kpis.input.js';
import { refusedPage, SURVEY_SCRIPT, SURVEY_STYLE, surveyPage } from './survey-page.js';

/** As the answer's refusals are (expected-errors.filter): a wrong link is not found, an expired or used one conflicts. */
const REFUSED_STATUS: Record<string, number> = { SURVEY_LINK_INVALID: 404, SURVEY_LINK_EXPIRED: 409, SURVEY_ALREADY_ANSWERED: 409 };

/**
 * 客户满意度调查: the customer answers through the link, with no account; the token is the key, and the
 * page and its script come from this service (the console's CSP). Rate limited per address like every route.
 */
@Controller()
export class SatisfactionSurveyController {
  constructor(private readonly surveys: SatisfactionSurveys) {}

  @Get('survey/:token')
  async page(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    try {
      const html = surveyPage(await this.surveys.open(token));
      await reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await reply.status(REFUSED_STATUS[error.code] ?? 400).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(refusedPage(error.code));
    }
  }

  /** The answers, once: a wrong, expired or used link is refused with its typed code and appends nothing. */
  @Post('survey/:token')
  @HttpCode(201)
  async answer(@Param('token') token: string, @Body() { answers, comment }: SurveyAnswerInput): Promise<{ answered: true }> {
    await this.surveys.answer(token, { answers: answers.map(({ questionId, score }) => ({ questionId, score })), ...(comment ? { comment } : {}) });
    return { answered: true };
  }

  @Get('survey-assets/survey.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  script(): string {
    return SURVEY_SCRIPT;
  }

  @Get('survey-assets/survey.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  style(): string {
    return SURVEY_STYLE;
  }
}
