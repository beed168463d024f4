import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/model/finding.js';
import { HistoryCollector, renderHtml } from '../../../src/report/html/index.js';
import type { CheckResult } from '../../../src/report/result.js';
import { RULES } from '../../../src/rules/index.js';
import { doc } from '../../helpers/builder.js';
import { evidence, sampleResult } from '../sample.js';

function page(result: CheckResult, maxCharts?: number): { html: string; pieces: number } {
  const pieces = [...renderHtml(result, { rules: RULES, ...(maxCharts === undefined ? {} : { maxCharts }) })];
  return { html: pieces.join(''), pieces: pieces.length };
}

function withHistories(result: CheckResult, build: (collector: HistoryCollector) => void): CheckResult {
  const collector = new HistoryCollector();
  build(collector);
  return { ...result, histories: collector.histories() };
}

const spikeAccount = (collector: HistoryCollector): void => {
  for (let month = 1; month <= 11; month++) {
    collector.record(
      doc({
        account: '0698765432',
        file: 'invoices.csv',
        line: 19 + month,
        issueDate: `2023-${String(month + 1).padStart(2, '0')}-05`,
        total: '48.00',
      }),
    );
  }
  collector.record(
    doc({
      account: '0698765432',
      id: 'FA-2024-0311',
      file: 'invoices.csv',
      line: 31,
      issueDate: '2024-03-05',
      total: '149000.00',
    }),
  );
  collector.record(
    doc({
      account: '0612345001',
      id: 'MED-2024-031',
      kind: 'dunning',
      file: 'invoices.csv',
      line: 29,
      issueDate: '2024-03-10',
      total: '0.01',
    }),
  );
};

describe('renderHtml', () => {
  it('allows exactly its own script and style by hash, and nothing from elsewhere', () => {
    const { html } = page(sampleResult);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (text: string): string => createHash('sha256').update(text).digest('base64');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${hash(style)}'`);
    expect(html.match(/<script/g)).toHaveLength(1);
    // No URL to fetch: every href is a fragment of the page itself, and nothing has a src.
    expect(html).not.toMatch(/\ssrc=/);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]?.startsWith('#'))).toBe(true);
    expect(html).not.toMatch(/url\((?!#)/);
  });

  it('comes in pieces, so that a large report is written as a stream', () => {
    const findings: Finding[] = Array.from({ length: 1000 }, (_, i) => ({
      ...(sampleResult.findings[1] as Finding),
      line: i + 2,
    }));
    const { pieces } = page({ ...sampleResult, findings });
    expect(pieces).toBeGreaterThan(5);
  });

  it('writes the counts of the summary and the money at stake per rule', () => {
    const { html } = page(sampleResult);
    expect(html).toContain('<li id="count-errors"><b>3</b>errors</li>');
    expect(html).toContain('<li id="count-warnings"><b>1</b>warning</li>');
    expect(html).toContain('<li id="count-fatal"><b>1</b>file not checked</li>');
    expect(html).toMatch(/<tr data-rule="amount-spike">.*?<td class="n">€149,000\.00<\/td><\/tr>/);
    expect(html).toContain('<ul id="fatal"><li><bdi>missing.csv</bdi>: cannot open the file (ENOENT)</li></ul>');
    expect(html).toContain('1 row or text could not be read');
  });

  it('writes every count of the summary in the singular for 1', () => {
    const one = { ...sampleResult.summary, errors: 1, warnings: 1, infos: 1, documents: 1, rows: 1 };
    const { html } = page({ ...sampleResult, summary: one });
    for (const [id, word] of [
      ['errors', 'error'],
      ['warnings', 'warning'],
      ['infos', 'info'],
      ['fatal', 'file not checked'],
      ['documents', 'document'],
      ['rows', 'row'],
    ])
      expect(html).toContain(`<li id="count-${id}"><b>1</b>${word}</li>`);
  });

  // Issue 20: amounts keep their bill's style; dates take the report's one notation (a US file's 03/05 is May).
  it('writes amounts as the file wrote them, and dates in the report’s one notation', () => {
    const styles = new Map([
      [
        'invoices.csv',
        {
          decimalSeparator: ',',
          groupSeparator: ' ',
          currencySymbol: '€',
          symbolBefore: false,
          dates: { order: 'dmy', separator: '/' },
        } as const,
      ],
    ]);
    const html = [...renderHtml(sampleResult, { rules: RULES, styles })].join('');
    expect(html).toContain(
      '<td><time datetime="2024-03-05">5 Mar 2024</time></td><td class="n" data-k="149000.00">149 000,00 €</td>',
    );
    const french = [...renderHtml(sampleResult, { rules: RULES, styles, lang: 'fr' })].join('');
    expect(french).toContain('<td><time datetime="2024-03-05">05/03/2024</time></td>');
  });

  it('draws the accounts with two documents or more, and says which it did not draw', () => {
    const result = withHistories(sampleResult, spikeAccount);
    const { html } = page(result);
    expect(html).toMatch(
      /<section class="acct" id="acct-1"><h3>Account <bdi>0698765432<\/bdi>.*?data-rules="amount-spike"/,
    );
    expect(html).toContain('1 account with one document: no chart.');
    // The table links the finding to its account's chart.
    expect(html).toContain('<td><a href="#acct-1">0698765432</a></td>');
  });

  it('draws at most maxCharts accounts, the ones with most findings, and says so', () => {
    const result = withHistories(sampleResult, (collector) => {
      spikeAccount(collector);
      collector.record(
        doc({
          account: '0612345001',
          kind: 'invoice',
          file: 'invoices.csv',
          line: 28,
          issueDate: '2024-02-05',
          total: '0.00',
        }),
      );
      collector.record(doc({ account: 'X', issueDate: '2024-02-05', total: '1.00' }));
      collector.record(doc({ account: 'X', issueDate: '2024-03-05', total: '1.00' }));
    });
    const { html } = page(result, 1);
    // 0612345001 has two findings, 0698765432 one.
    expect(html.match(/<section class="acct"/g)).toHaveLength(1);
    expect(html).toContain('<h3>Account <bdi>0612345001</bdi>');
    expect(html).toContain('2 more accounts not drawn');
  });

  it('shows hostile strings as text: no markup, no attribute break-out, bidi overrides visible', () => {
    const hostile: Finding = {
      ruleId: 'collection-fee-charged',
      severity: 'warning',
      message: 'Item 1 bills a fee: "<script>window.pwned=1</script> <a href="javascript:alert(1)">x</a>", 10,00 €.',
      file: 'evil<img src=x onerror=alert(1)>.csv',
      line: 2,
      account: '0612\u202e345009"><svg onload=alert(1)>',
      documentId: "F'><style>body{display:none}</style>",
      documentKind: 'invoice',
      date: '2024-01-05',
      amount: '10.00',
      currency: 'EUR',
      evidence: evidence({}),
    };
    const result = withHistories({ ...sampleResult, findings: [hostile] }, (collector) => {
      collector.record(
        doc({
          account: hostile.account,
          id: hostile.documentId,
          file: hostile.file,
          line: 2,
          issueDate: '2024-01-05',
          total: '10.00',
        }),
      );
      collector.record(
        doc({ account: hostile.account, file: hostile.file, line: 3, issueDate: '2024-02-05', total: '10.00' }),
      );
    });
    const { html } = page(result);
    const body = html.slice(html.indexOf('<body>'), html.lastIndexOf('<script>'));
    expect(body).not.toMatch(/<(script|img|svg onload|style|a href="javascript)/i);
    expect(body).not.toContain('\u202e');
    expect(body).toContain('0612\\u202E345009&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(body).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
  });

  it('links each rule to its explanation, shown on demand', () => {
    const { html } = page(sampleResult);
    expect(html).toContain('<td><a href="#rule-amount-spike">amount-spike</a></td>');
    expect(html).toMatch(
      /<details class="doc"><summary><b>amount-spike<\/b>.*?<div id="rule-amount-spike"><p>Why: An operator may bill a year of 40 € months/,
    );
    expect(html).toContain('<div id="rule-invalid-input">');
  });
});

describe('renderHtml: how files were read', () => {
  it('lists the readers’ warnings with what --map settles them, escaped, under what could not be read', () => {
    const result: CheckResult = {
      ...sampleResult,
      readings: [
        {
          file: 'export<1>.csv',
          inferred: true,
          columns: [],
          notices: [
            {
              type: 'notice',
              file: 'export<1>.csv',
              level: 'warning',
              code: 'column-role',
              message: 'column "N°" read as account: its values are phone numbers <b>',
              map: '--map account=N°',
            },
            { type: 'notice', file: 'export<1>.csv', level: 'info', code: 'title-lines', message: '2 title lines' },
          ],
        },
      ],
    };
    const { html } = page(result);
    const section = html.slice(html.indexOf('id="reading"'), html.indexOf('</ul>', html.indexOf('id="reading"')));
    expect(section).toContain('export&lt;1&gt;.csv');
    expect(section).toContain('its values are phone numbers &lt;b&gt;');
    expect(section).toContain('<code>--map account=N°</code> settles it');
    // Infos are how a file was read, not a doubt: they stay out of the list.
    expect(section).not.toContain('title lines');
  });
});
