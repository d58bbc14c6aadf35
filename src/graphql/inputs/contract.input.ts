import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { ROLES, SIGNED_DOCUMENTS, SIGNING_CAPACITIES, type Role, type SignedDocument, type SigningCapacity } from '../../domain/project/vocabulary.js';
import { CountersignDecisionEnum, RoleEnum, SignedDocumentEnum, SigningCapacityEnum } from '../enums.js';
import { CommandInput, DocumentInput, IsCalendarDate, MoneyInput } from './common.input.js';

@InputType({ description: '会签表中加签的一方' })
export class SignerInput {
  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role!: Role;

  @Field({ nullable: true, description: 'A named person; any holder of the role when absent' })
  @IsOptional()
  @Length(1, 100)
  userId?: string;
}

@InputType({ description: 'PSM070 确定合同文本（新稿重新会签）' })
export class DraftContractInput extends CommandInput {
  @Field(() => DocumentInput)
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;

  @Field(() => MoneyInput, { description: 'Must equal the approved quotation' })
  @ValidateNested()
  @Type(() => MoneyInput)
  amount!: MoneyInput;

  @Field(() => [SignerInput], { defaultValue: [], description: 'Extra countersigners, inserted before the BU general manager' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SignerInput)
  extraSigners!: SignerInput[];

  @Field({ nullable: true, description: '现场签订: the review is then due within the policy\'s hours (2), not its working day' })
  @IsOptional()
  @IsBoolean()
  signingOnSite?: boolean;
}

@InputType({ description: 'PSM070 会签：签署或退回（需意见）' })
export class CountersignInput extends CommandInput {
  @Field(() => CountersignDecisionEnum)
  @IsIn(['SIGN', 'REJECT'])
  decision!: 'SIGN' | 'REJECT';

  @Field({ description: 'sha256 of the contract draft signed' })
  @Matches(/^[0-9a-f]{64}$/)
  documentSha256!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 4000)
  comments?: string;
}

@InputType({ description: 'PSM080 签订合同' })
export class SignContractInput extends CommandInput {
  @Field({ description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  signedOn!: string;

  @Field(() => DocumentInput, { description: 'The signed contract\'s electronic version: the same text as the countersigned draft' })
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;

  @Field(() => SigningCapacityEnum, { description: 'The capacity the caller signs in: one the policy allows, held by the caller on this project' })
  @IsIn(SIGNING_CAPACITIES)
  capacity!: SigningCapacity;
}

@InputType({ description: '部门领导指定签约代表人（本项目的技术协议或合同）' })
export class NameSigningRepresentativeInput extends CommandInput {
  @Field(() => SignedDocumentEnum)
  @IsIn(SIGNED_DOCUMENTS)
  document!: SignedDocument;

  @Field({ description: 'User id of the representative, who becomes a member of the project' })
  @Length(1, 100)
  userId!: string;
}

@InputType({ description: '纸质签字版归档：签字纸质文件的扫描件，关联已签电子版的 sha256' })
export class ArchiveSignedScanInput extends CommandInput {
  @Field(() => SignedDocumentEnum)
  @IsIn(SIGNED_DOCUMENTS)
  document!: SignedDocument;

  @Field(() => DocumentInput, { description: 'The scan: its own document, with its own sha256' })
  @ValidateNested()
  @Type(() => DocumentInput)
  scan!: DocumentInput;
}
