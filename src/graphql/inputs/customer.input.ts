import { Field, InputType } from '@nestjs/graphql';
import { IsIn, Length, Matches } from 'class-validator';
import {
  CONFIRMED_SUBJECTS, SENT_DOCUMENTS, SIGNED_DOCUMENTS, type ConfirmedSubject, type SentDocument, type SignedDocument,
} from '../../domain/project/vocabulary.js';
import { ConfirmedSubjectEnum, SentDocumentEnum, SignedDocumentEnum } from '../enums.js';
import { CommandInput, IsCalendarDate } from './common.input.js';

@InputType({ description: '客户确认：交流备忘录、解决方案与预算、技术协议条款、合同签订意向或合同条款，就所示文件的当前版本' })
export class RecordCustomerConfirmationInput extends CommandInput {
  @Field(() => ConfirmedSubjectEnum)
  @IsIn(CONFIRMED_SUBJECTS)
  subject!: ConfirmedSubject;

  @Field({ description: 'sha256 of the version the customer confirmed (the signed agreement\'s for a contract intent): refused unless it is the version in force' })
  @Matches(/^[0-9a-f]{64}$/)
  documentSha256!: string;
}

@InputType({ description: '提交给客户：审批通过的解决方案、报价单、技术协议或会签完毕的合同' })
export class SendToCustomerInput extends CommandInput {
  @Field(() => SentDocumentEnum)
  @IsIn(SENT_DOCUMENTS)
  document!: SentDocument;

  @Field({ description: 'sha256 of the version sent: refused unless it is the approved version in force' })
  @Matches(/^[0-9a-f]{64}$/)
  documentSha256!: string;
}

@InputType({ description: '签约预约：与客户约定技术协议或合同的签约日期与地点' })
export class BookSigningInput extends CommandInput {
  @Field(() => SignedDocumentEnum)
  @IsIn(SIGNED_DOCUMENTS)
  document!: SignedDocument;

  @Field({ description: 'The day agreed, YYYY-MM-DD (today or later, in Beijing)' })
  @IsCalendarDate()
  appointedOn!: string;

  @Field({ description: 'Where the signing takes place' })
  @Length(1, 200)
  place!: string;
}
