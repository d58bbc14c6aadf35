import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import type { Stage } from '../domain/project/state.js';
import { StageEnum } from './enums.js';
import { ProjectSummary } from './project.types.js';

@InputType({ description: '项目列表筛选' })
export class ProjectsFilterInput {
  @Field(() => StageEnum, { nullable: true }) @IsOptional() stage?: Stage;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) ownerId?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) region?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) productLine?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['MAJOR', 'GENERAL']) projectClass?: string;
  @Field({ nullable: true, description: 'true: open projects only; false: closed only' }) @IsOptional() @IsBoolean() open?: boolean;
  @Field({ nullable: true, description: 'Part of the customer’s name' }) @IsOptional() @Length(1, 100) customer?: string;
}

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) offset!: number;
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) limit!: number;
}

@ObjectType({ description: '项目列表条目' })
export class ProjectListItem extends ProjectSummary {
  @Field() open!: boolean;
}

@ObjectType()
export class ProjectPage {
  @Field(() => Int) total!: number;
  @Field(() => [ProjectListItem]) items!: ProjectListItem[];
}
