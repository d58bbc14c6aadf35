import dayjs from 'dayjs';
import type { InputField } from '../../graphql/generated/mutation-inputs';

type Values = Record<string, unknown>;

/** Yuan as typed (two decimals at most) to whole fen. */
const fen = (yuan: number) => Math.round(yuan * 100);

/** Nothing typed: an optional document or contact left blank is no document at all. */
const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isEmpty));

function valueOf(field: InputField, value: unknown): unknown {
  // ProForm hands dates over as dayjs, strings or timestamps depending on where they sit
  if (field.kind === 'date') return dayjs(value as string).format('YYYY-MM-DD');
  if (field.kind === 'money') return { amount: fen(Number(value)), currency: 'CNY' };
  if (field.kind === 'object' && field.list) return (value as Values[]).map((item) => toInput(field.fields!, item));
  if (field.kind === 'object') return toInput(field.fields!, value as Values);
  return value;
}

/** The form's values as the mutation's input: money in fen, empty optional fields left out, lists kept (even empty ones). */
export function toInput(fields: InputField[], values: Values = {}): Values {
  const input: Values = {};
  for (const field of fields) {
    const value = values[field.name];
    if (isEmpty(value)) {
      if (field.list && field.required) input[field.name] = [];
      continue;
    }
    input[field.name] = valueOf(field, value);
  }
  return input;
}

/** A value of the input as the form shows it: money in yuan; the other kinds as they are. */
export const asFormValue = (field: InputField, value: unknown): unknown =>
  field.kind === 'money' && value && typeof value === 'object' ? (value as { amount: number }).amount / 100 : value;
