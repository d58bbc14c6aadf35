import { Module } from '@nestjs/common';
import { SatisfactionSurveys } from '../application/answer-satisfaction-survey.js';
import { ProjectModule } from '../graphql/project.module.js';
import { SatisfactionSurveyController } from './satisfaction-survey.controller.js';

/** The survey link's page and answer: the one route that needs no account. */
@Module({ imports: [ProjectModule], controllers: [SatisfactionSurveyController], providers: [SatisfactionSurveys] })
export class SurveyModule {}
