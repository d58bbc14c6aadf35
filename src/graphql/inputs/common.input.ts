import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsInt, IsISO8601, IsOptional, IsUrl, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { MAX_AMOUNT_FEN, MAX_AMOUNT_TEXT } from '../../domain/policy/amount-limit.js';
import { IsCanonicalUuid } from '../canonical-uuid.js';

/** A day that exists on the calendar, written YYYY-MM-DD (2026-02-30 and 2025-02-29 are refused). */
export const IsCalendarDate = () =>
  applyDecorators(Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }), IsISO8601({ strict: true }, { message: '$property must be a calendar date' }));

@InputType({ description: '金额：整数分（fen）与币种' })
export class MoneyInput {
  @Field(() => GraphQLSafeInt, { description: `Whole minor units (fen): 1 CNY = 100; at most ${MAX_AMOUNT_TEXT}` })
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_FEN, { message: `$property must be at most ${MAX_AMOUNT_TEXT}` })
  amount!: number;

  @Field({ defaultValue: 'CNY', description: 'ISO 4217 currency code' })
  @Matches(/^[A-Z]{3}$/)
  currency!: string;
}

@InputType({ description: '文档版本：标题、地址与 sha256' })
export class DocumentInput {
  @Field()
  @Length(1, 200)
  title!: string;

  @Field()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  @MaxLength(2000)
  uri!: string;

  @Field({ description: 'sha256 of the file, 64 hex digits' })
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

@InputType()
export class ContactInput {
  @Field()
  @Length(1, 100)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[0-9+\-() ]{5,30}$/)
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string;
}

@InputType()
export class MilestoneInput {
  @Field()
  @Length(1, 100)
  name!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  dueOn!: string;
}

/** Every command names its project and carries the client's idempotency key. */
@InputType({ isAbstract: true })
export class CommandInput {
  @Field({ description: 'Client-chosen uuid; repeating it repeats nothing and returns the first answer' })
  @IsCanonicalUuid()
  commandId!: string;

  @Field()
  @IsCanonicalUuid()
  projectId!: string;
}
