/**
 * Rules no rule file implements: the engine itself reports them. `billcheck rules` lists them
 * and `billcheck explain` documents them, since they are in reports like any rule.
 */
import { INVALID_INPUT } from '../model/finding.js';
import type { RuleDocs } from './rule.js';

export interface ReservedRule {
  readonly id: string;
  readonly severity: 'error';
  /** What the rule is about: the input itself, before any document rule. */
  readonly scope: 'input';
  readonly description: string;
  readonly docs: RuleDocs;
  readonly options: Readonly<Record<string, never>>;
  readonly messages: Readonly<Record<string, string>>;
}

export const RESERVED_RULES: readonly ReservedRule[] = [
  {
    id: INVALID_INPUT,
    severity: 'error',
    scope: 'input',
    description: 'A row or a text that cannot be read: its file, line, column and value, and why.',
    docs: {
      why:
        'A bill that cannot be read cannot be checked: dropping it silently would make a report look clean while a ' +
        'row, perhaps the 149 000 € one, was never looked at. Every data row ends in a document or in this finding ' +
        '(rows read = rows in documents + rows reported).',
      whatToDo:
        'Look at the line named: fix the export (a cut row, an amount with letters, a date that is no date), or tell ' +
        'billcheck how to read it (--map FIELD=COLUMN, --date-order, --delimiter, --encoding), then run again. It ' +
        'cannot be turned off: a run that skips unreadable rows is not a check.',
    },
    options: {},
    messages: { invalid: '{{reason}} (column "{{column}}": "{{value}}")' },
  },
];

export function findReservedRule(id: string): ReservedRule | undefined {
  return RESERVED_RULES.find((rule) => rule.id === id);
}
