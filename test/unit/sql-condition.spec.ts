import { sqlCondition } from '../../src/read-store/embedded/sql-condition.js';

describe('the part of a filter SQLite tests on the stored JSON', () => {
  it('translates equalities, $in with null, ranges and $or, keeping arrays for the query engine unless a field is known scalar', () => {
    expect(sqlCondition({ stage: { $in: ['LEAD', null] }, from: { $lte: '2026-06-30' }, $or: [{ to: null }, { to: { $gt: '2026-06-30' } }] }, ['stage'])).toEqual({
      sql: `(json_extract(body, '$."stage"') IN (?) OR json_extract(body, '$."stage"') IS NULL)`
        + ` AND (json_type(body, '$."from"') = 'array' OR json_extract(body, '$."from"') <= ?)`
        + ` AND ((json_type(body, '$."to"') = 'array' OR json_extract(body, '$."to"') IS NULL) OR (json_type(body, '$."to"') = 'array' OR json_extract(body, '$."to"') > ?))`,
      params: ['LEAD', '2026-06-30', '2026-06-30'],
    });
  });

  it('leaves out what it cannot order or express as SQLite would as MongoDB does: then the query engine alone decides', () => {
    // text outside ASCII orders differently in UTF-8 and UTF-16; $ne, $regex, dotted paths, booleans and objects are not translated
    expect(sqlCondition({ title: { $gt: '焊接' } })).toBeUndefined();
    expect(sqlCondition({ to: { $ne: null }, code: { $regex: '^A' }, 'amount.amount': 5, open: true, amount: { amount: 5 } })).toBeUndefined();
    // an $or with a branch that may match anything narrows nothing; the other conditions still do
    expect(sqlCondition({ n: 1, $or: [{ n: 2 }, { code: { $regex: '^A' } }] }, ['n'])).toEqual({ sql: `json_extract(body, '$."n"') = ?`, params: [1] });
  });
});
