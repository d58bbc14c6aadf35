// graphql-codegen plugin: each mutation's input as a compact description, which the console renders as a form.
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType } from 'graphql';

/** The field's kind for a form: scalars by name, dates by their `YYYY-MM-DD` description, MoneyInput as money. */
function describe(field) {
  const required = isNonNullType(field.type);
  const list = isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
  const type = getNamedType(field.type);
  const base = { name: field.name, required: required && field.defaultValue === undefined, list };
  if (field.description) base.description = field.description;
  if (field.defaultValue !== undefined) base.defaultValue = field.defaultValue;
  if (isEnumType(type)) return { ...base, kind: 'enum', values: type.getValues().map((value) => ({ value: value.name, label: value.description ?? value.name })) };
  if (type.name === 'MoneyInput') return { ...base, kind: 'money' };
  if (isInputObjectType(type)) return { ...base, kind: 'object', type: type.name, fields: inputFields(type) };
  if (type.name === 'Boolean') return { ...base, kind: 'boolean' };
  if (type.name === 'Int' || type.name === 'SafeInt') return { ...base, kind: 'int' };
  if (type.name === 'String' && /YYYY-MM-DD/.test(field.description ?? '')) return { ...base, kind: 'date' };
  return { ...base, kind: 'text' };
}

// commandId is the client's own uuid, never asked of a person
const inputFields = (type) => Object.values(type.getFields()).filter((field) => field.name !== 'commandId').map(describe);

export const plugin = (schema) => {
  const mutations = {};
  for (const mutation of Object.values(schema.getMutationType().getFields())) {
    const input = mutation.args.find((arg) => arg.name === 'input');
    if (!input) continue;
    const type = getNamedType(input.type);
    mutations[mutation.name] = { description: mutation.description ?? '', input: type.name, fields: inputFields(type) };
  }
  return [
    '/** Each mutation\'s input as schema.gql states it (web/codegen/mutation-inputs.plugin.js): the console renders its forms from it. */',
    "export type FieldKind = 'text' | 'date' | 'int' | 'boolean' | 'enum' | 'money' | 'object';",
    'export interface InputField { name: string; kind: FieldKind; required: boolean; list: boolean; description?: string; defaultValue?: unknown; values?: Array<{ value: string; label: string }>; type?: string; fields?: InputField[] }',
    'export interface MutationInput { description: string; input: string; fields: InputField[] }',
    `export const MUTATION_INPUTS: Record<string, MutationInput> = ${JSON.stringify(mutations)};`,
    '',
  ].join('\n');
};
