import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ConfirmedSubject, CustomerDocument, SentDocument, SignedDocument } from '../domain/project/vocabulary.js';
import { ConfirmedSubjectEnum, CustomerDocumentEnum, SentDocumentEnum, SignedDocumentEnum } from './enums.js';
import { Money } from './project.types.js';

@ObjectType({ description: '客户确认：确认的对象与所确认文件的版本' })
export class CustomerConfirmationView {
  @Field(() => ConfirmedSubjectEnum) subject!: ConfirmedSubject;
  @Field(() => CustomerDocumentEnum, { description: 'The document confirmed (a contract intent is stated on the signed technical agreement)' }) document!: CustomerDocument;
  @Field(() => Int) version!: number;
  @Field() documentSha256!: string;
  @Field(() => Money, { nullable: true, description: 'SOLUTION: the system budget accepted with it' }) systemBudget?: Money;
  @Field({ description: 'Who recorded the customer\'s word' }) recordedBy!: string;
}

@ObjectType({ description: '提交给客户：审批通过后发给客户的版本' })
export class SentToCustomerView {
  @Field(() => SentDocumentEnum) document!: SentDocument;
  @Field(() => Int) version!: number;
  @Field() documentSha256!: string;
  @Field() sentBy!: string;
}

@ObjectType({ description: '签约预约' })
export class SigningAppointmentView {
  @Field(() => SignedDocumentEnum) document!: SignedDocument;
  @Field(() => Int, { description: 'The version to be signed' }) version!: number;
  @Field({ description: 'YYYY-MM-DD' }) appointedOn!: string;
  @Field() place!: string;
  @Field() bookedBy!: string;
}

@ObjectType({ description: '客户手中的版本：最近发给客户或经客户确认的各文件版本（从未：null）' })
export class CustomerReceivedView {
  @Field(() => Int, { nullable: true }) exchangeMemoVersion?: number;
  @Field(() => Int, { nullable: true }) solutionVersion?: number;
  @Field(() => Int, { nullable: true }) quotationVersion?: number;
  @Field(() => Int, { nullable: true }) agreementVersion?: number;
  @Field(() => Int, { nullable: true }) contractVersion?: number;
}
