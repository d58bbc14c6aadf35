import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { UnauthenticatedError } from '../auth/auth.errors.js';
import { DomainError } from '../domain/project/errors.js';
import { ConcurrencyError } from '../event-store/event-store.errors.js';

/** Refusals are answers, not failures: hand them to the error formatter without logging them as errors. */
@Catch(DomainError, UnauthenticatedError, ConcurrencyError)
export class ExpectedErrorsFilter implements GqlExceptionFilter {
  catch(error: Error): Error {
    return error;
  }
}
