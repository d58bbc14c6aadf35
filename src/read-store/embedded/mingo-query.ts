import { Context } from 'mingo/core';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import type { Filter } from '../read-store.port.js';

/**
 * The operators the read store's filters and projections are written with. mingo's default context holds every
 * operator it has (expressions, accumulators, pipeline stages, windows), and each Query copies all of them into
 * a context of its own: for the one-line filters projections run on every event, most of a query's cost.
 */
const FILTERS = Context.init({ query: queryOperators, projection: projectionOperators });

/** A filter compiled by mingo in MongoDB's query language, with the query and projection operators only. */
export const mingoQuery = (filter: Filter): Query => new Query(filter, { context: FILTERS });
