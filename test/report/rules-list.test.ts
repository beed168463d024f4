import { describe, expect, it } from 'vitest';
import { defineRule, type AnyRule } from '../../src/engine/rule.js';
import { renderExplain, renderRulesJson, renderRulesText, wrap } from '../../src/report/rules-list.js';
import dunningTrivialAmount from '../../src/rules/dunning-trivial-amount.js';

const ceiling = defineRule({
  id: 'amount-ceiling',
  scope: 'document',
  severity: 'warning',
  description: 'A total above a ceiling (default 10 000).',
  docs: {
    why: 'A residential line billed 149 000 € is a billing error.',
    whatToDo: 'Do not pay; contest the bill in writing.',
    options: { max: 'Totals strictly above this are flagged.' },
  },
  messages: { above: 'The total {{total}} is above {{max}}.' },
  options: { max: '10000.00' },
  checkDocument() {},
});

const currencies = defineRule({
  id: 'currency-mismatch',
  scope: 'account',
  severity: 'info',
  description: 'One account billed in several currencies.',
  docs: { why: 'Usually a mapping error.', whatToDo: 'Check the currency column.', basis: 'EN 16931 BT-5.' },
  messages: { several: 'Account billed in {{currencies}}.' },
  options: {},
  checkAccount() {},
});

const rules: AnyRule[] = [ceiling, currencies, dunningTrivialAmount];

describe('renderRulesText', () => {
  it('lists every rule in aligned columns (on a terminal wide enough for one line each)', () => {
    expect(renderRulesText(rules, false, [], { width: 200 })).toBe(
      [
        'Rule                    Severity  Scope     Description',
        'amount-ceiling          warning   document  A total above a ceiling (default 10 000).',
        'currency-mismatch       info      account   One account billed in several currencies.',
        'dunning-trivial-amount  error     document  A dunning letter demands less than a trivial amount (default 1.00).',
        '',
      ].join('\n'),
    );
  });

  it('wraps descriptions under their column at 80 columns by default, a number never cut', () => {
    expect(renderRulesText(rules, false)).toBe(
      [
        'Rule                    Severity  Scope     Description',
        'amount-ceiling          warning   document  A total above a ceiling (default',
        '                                            10 000).',
        'currency-mismatch       info      account   One account billed in several',
        '                                            currencies.',
        'dunning-trivial-amount  error     document  A dunning letter demands less than',
        '                                            a trivial amount (default 1.00).',
        '',
      ].join('\n'),
    );
  });

  it('puts descriptions on lines of their own on a terminal too narrow for the column', () => {
    const lines = renderRulesText(rules, false, [], { width: 50 }).split('\n');
    expect(lines[1]).toBe('amount-ceiling          warning   document');
    expect(lines[2]).toBe('  A total above a ceiling (default 10 000).');
    expect(Math.max(...lines.slice(1).map((line) => line.length))).toBeLessThanOrEqual(50);
  });

  it('colors severities only when asked, without breaking the alignment', () => {
    expect(renderRulesText(rules, false)).not.toContain('\u001b');
    const colored = renderRulesText(rules, true);
    expect(colored).toContain('\u001b[33mwarning \u001b[39m');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(renderRulesText(rules, false));
  });
});

describe('renderRulesJson', () => {
  it('writes id, severity, scope, description and default options', () => {
    expect(JSON.parse(renderRulesJson(rules))).toEqual({
      version: 1,
      rules: [
        {
          id: 'amount-ceiling',
          severity: 'warning',
          scope: 'document',
          description: ceiling.description,
          options: { max: '10000.00' },
        },
        {
          id: 'currency-mismatch',
          severity: 'info',
          scope: 'account',
          description: currencies.description,
          options: {},
        },
        {
          id: 'dunning-trivial-amount',
          severity: 'error',
          scope: 'document',
          description: dunningTrivialAmount.description,
          options: { minAmount: '1.00' },
        },
      ],
    });
    expect(renderRulesJson(rules).endsWith('}\n')).toBe(true);
  });
});

describe('renderExplain', () => {
  it('explains a rule: docs, options with defaults, an example from its first message', () => {
    expect(renderExplain(ceiling, false)).toBe(
      [
        'amount-ceiling  (warning by default, document rule)',
        '',
        'A total above a ceiling (default 10 000).',
        '',
        'Why it matters',
        '  A residential line billed 149 000 € is a billing error.',
        '',
        'What to do',
        '  Do not pay; contest the bill in writing.',
        '',
        'Options',
        '  max (default: "10000.00")',
        '    Totals strictly above this are flagged.',
        '',
        'Example',
        // An amount option as reports write amounts (English: "€10,000.00").
        '  warning  The total <total> is above €10,000.00.  amount-ceiling',
        '',
      ].join('\n'),
    );
  });

  it('shows the basis when there is one and no options section when there are none', () => {
    const text = renderExplain(currencies, false);
    expect(text).toContain('\nBasis\n  EN 16931 BT-5.\n');
    expect(text).not.toContain('Options');
    expect(text).toContain('  info  Account billed in <currencies>.  currency-mismatch\n');
  });

  it('wraps long docs to fit 80 columns (the example stays one line, as in a report)', () => {
    const lines = renderExplain(dunningTrivialAmount, false).split('\n');
    const prose = lines.slice(0, lines.indexOf('Example'));
    expect(prose.length).toBeGreaterThan(10);
    expect(Math.max(...prose.map((line) => line.length))).toBeLessThanOrEqual(78);
    expect(lines).toContain('  minAmount (default: "1.00")');
    expect(lines).toContain('  error  A dunning letter demands <amount>, less than €1.00.  dunning-trivial-amount');
  });

  it('colors only when asked', () => {
    expect(renderExplain(ceiling, false)).not.toContain('\u001b');
    expect(renderExplain(ceiling, true)).toContain('\u001b[');
  });
});

describe('wrap', () => {
  it('breaks between words and keeps an overlong word whole', () => {
    expect(wrap('un deux trois quatre', '  ', 12)).toEqual(['  un deux', '  trois', '  quatre']);
    expect(wrap('https://example.invalid/very/long/path fin', '', 10)).toEqual([
      'https://example.invalid/very/long/path',
      'fin',
    ]);
  });
});
