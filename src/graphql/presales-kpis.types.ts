import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { KPI_FIGURES } from '../../projections/presales-kpis/presales-kpis.query.js';
import { CommandResult } from './project.types.js';

/** Events a drill-down page answers at most. */
export const KPI_EVENTS_MAX = 100;

export enum KpiFigureEnum {
  FOLLOWED = 'FOLLOWED', WON = 'WON', SATISFACTION = 'SATISFACTION', SOLUTION_QUALITY = 'SOLUTION_QUALITY', COLLABORATION = 'COLLABORATION', ON_TIME = 'ON_TIME', DEMOS = 'DEMOS',
}
registerEnumType(KpiFigureEnum, {
  name: 'KpiFigure',
  description: `A figure of the KPIs opened to its events: ${KPI_FIGURES.join(', ')}`,
});

@ObjectType({ description: '比例：计数 ÷ 基数（基数为 0 时比例为空）' })
export class KpiShare {
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: 'What it is out of' }) of!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
}

@ObjectType({ description: '评分：条数、百分制总分与平均分（无评分时为空）' })
export class KpiRating {
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: 'The sum of the marks, each out of 100' }) total!: number;
  @Field(() => Float, { nullable: true, description: 'The mean mark out of 100 (百分制)' }) score!: number | null;
}

@ObjectType({ description: '月度考核的一个版本' })
export class AssessmentVersionView {
  @Field(() => Int) version!: number;
  @Field(() => Int) rating!: number;
  @Field(() => Int, { description: 'The scale\'s lowest' }) scaleMin!: number;
  @Field(() => Int, { description: 'The scale\'s highest' }) scaleMax!: number;
  @Field() comment!: string;
  @Field() assessedBy!: string;
  @Field() assessedAt!: string;
  @Field(() => String, { nullable: true, description: 'Why this version revised the one before' }) reason?: string;
  @Field(() => GraphQLJSON, { description: 'The month\'s KPIs as the manager saw them when assessing' }) kpis!: Record<string, unknown>;
}

@ObjectType({ description: '月度考核：一位售前人员一个月的评分，含全部版本' })
export class AssessmentView {
  @Field() person!: string;
  @Field() month!: string;
  @Field(() => AssessmentVersionView, { description: 'The version in force' }) inForce!: AssessmentVersionView;
  @Field(() => [AssessmentVersionView], { description: 'Every version, oldest first' }) versions!: AssessmentVersionView[];
}

@ObjectType({ description: '售前考核：一位售前人员一个月或一年的 KPI，比例由计数重算' })
export class PresalesKpisView {
  @Field() person!: string;
  @Field({ description: 'YYYY-MM or YYYY' }) period!: string;
  @Field(() => KpiShare, { description: '项目成功率: projects won (contract signed in the period) ÷ projects followed' }) success!: KpiShare;
  @Field(() => KpiRating, { description: '客户满意度: the surveys answered in the period' }) satisfaction!: KpiRating;
  @Field(() => KpiRating, { description: '解决方案质量: the reviewers\' scores (合理性、创新性、完整性) of the solutions they wrote' }) solutionQuality!: KpiRating;
  @Field(() => KpiRating, { description: '沟通协作: the departments\' ratings' }) collaboration!: KpiRating;
  @Field(() => KpiShare, { description: '按时率: SLA steps done on time ÷ those that fell due' }) onTime!: KpiShare;
  @Field(() => Int, { description: '演示: demos given (held in the period)' }) demos!: number;
  @Field(() => [AssessmentView], { description: '月度考核 of the period\'s months' }) assessments!: AssessmentView[];
}

@ObjectType({ description: '构成某项指标的一个事件' })
export class KpiEventView {
  @Field(() => ID) projectId!: string;
  @Field(() => Int, { description: 'The event\'s revision in the project\'s stream (an SLA step: the event that started its clock)' }) revision!: number;
  @Field(() => String, { nullable: true }) eventId?: string;
  @Field({ description: 'The event type, or the kind of SLA step' }) type!: string;
  @Field() at!: string;
  @Field(() => Float, { nullable: true, description: 'A rating\'s mark out of 100' }) value?: number;
  @Field(() => String, { nullable: true, description: 'An SLA step: ON_TIME or LATE' }) outcome?: string;
}

@ObjectType({ description: '指标的事件（分页）: only events of projects the caller may see' })
export class KpiEventPage {
  @Field(() => Int, { description: 'Events visible to the caller in all' }) total!: number;
  @Field(() => [KpiEventView]) items!: KpiEventView[];
}

@ObjectType({ description: '客户满意度调查已发出：链接只返回这一次' })
export class SatisfactionSurveySentResult extends CommandResult {
  @Field(() => String, { nullable: true, description: '/survey/<token>: shown once; null when a retried command id answers (the token is not kept)' }) link!: string | null;
}

@ObjectType({ description: '月度考核已记录' })
export class AssessmentCommandResult {
  @Field() person!: string;
  @Field() month!: string;
  @Field(() => Int) revision!: number;
  @Field(() => Int, { description: 'The version in force' }) version!: number;
}
