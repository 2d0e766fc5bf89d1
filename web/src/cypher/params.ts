// The named queries' parameters as a form: which input each type gets, and the form's values as the
// strings POST /api/queries/:name/run takes (the server converts them to the declared Cypher types).
import type { NamedQueryInfo } from '../../contract.ts';

export type ParamInfo = NamedQueryInfo['params'][number];

export interface InputSpec {
  type: 'text' | 'number' | 'checkbox';
  step?: string;
  pattern?: string;
  required?: boolean;
  value: string;
  checked?: boolean;
}

export function inputFor(param: ParamInfo): InputSpec {
  switch (param.type) {
    case 'integer':
      return { type: 'number', step: '1', value: param.default };
    case 'float':
      return { type: 'number', step: 'any', value: param.default };
    case 'boolean':
      return { type: 'checkbox', value: 'true', checked: param.default === 'true' };
    case 'date':
      return { type: 'text', value: param.default, pattern: '\\d{4}-\\d\\d-\\d\\d', required: true };
    default:
      return { type: 'text', value: param.default, required: true };
  }
}

/**
 * Values from the form, by parameter name: checkboxes give 'true'/'false'; an empty number field is
 * left out so that the server applies the query's default; text is sent as typed (trimmed).
 */
export function formParams(
  params: ParamInfo[],
  read: (name: string) => string | boolean | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const param of params) {
    const raw = read(param.name);
    if (raw === undefined) continue;
    if (typeof raw === 'boolean') values[param.name] = String(raw);
    else if (param.type === 'integer' || param.type === 'float') {
      if (raw.trim() !== '') values[param.name] = raw.trim();
    } else values[param.name] = raw.trim();
  }
  return values;
}

/** Rows as records keyed by column, for the JSON view. */
export function rowsAsRecords(result: { columns: string[]; rows: unknown[][] }): Record<string, unknown>[] {
  return result.rows.map((row) =>
    Object.fromEntries(result.columns.map((column, index) => [column, row[index] ?? null])),
  );
}
