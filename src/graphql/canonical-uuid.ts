import { applyDecorators, Injectable, ParseUUIDPipe, type ArgumentMetadata } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';

/** A uuid names one thing whatever its letter case: every id is lowercased where it enters. */
const lowercased = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/** An id argument: a uuid, lowercased, so that an upper-cased id reads and writes the same project. */
@Injectable()
export class CanonicalUuidPipe extends ParseUUIDPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<string> {
    return lowercased(await super.transform(value, metadata)) as string;
  }
}

/** An id field of an input: a uuid, lowercased before it is validated and used. */
export const IsCanonicalUuid = () => applyDecorators(Transform(({ value }) => lowercased(value)), IsUUID());
