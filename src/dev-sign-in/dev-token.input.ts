import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '../domain/project/vocabulary.js';

/** Whom the development token names: what `npm run token` takes as --user, --roles and --name. */
export class DevTokenInput {
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/, { message: 'userId must be 1–100 letters, digits, dots, dashes, underscores or @' })
  userId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;
}
