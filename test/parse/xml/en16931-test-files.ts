/**
 * The test files of the EN 16931 validation artefacts (fixtures/einvoice/en16931/rules): each is
 * a <testSet> of <test>s, each test an invoice fragment and the business rule it must pass
 * (<success>) or fail (<error>). Read here with plain text matching, apart from billcheck's reader.
 */
import { readFileSync } from 'node:fs';

export interface StandardTest {
  /** 1-based position of the <test> in its file. */
  readonly position: number;
  readonly rule: string;
  readonly verdict: 'success' | 'error';
  readonly xml: string;
}

const FRAGMENT = /<((?:[\w-]+:)?(?:Invoice|CreditNote|CrossIndustryInvoice))[\s>][\s\S]*?<\/\1>/;

export function standardTests(path: string): StandardTest[] {
  // Commented-out tests are not tests.
  const text = readFileSync(path, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const blocks = [...text.matchAll(/<test(?:\s[^>]*)?>([\s\S]*?)<\/test>/g)].map((match) => match[1] ?? '');
  return blocks.map((block, index) => {
    const expectation = /<(success|error)>\s*([\w-]+)\s*<\/\1>/.exec(block);
    const fragment = FRAGMENT.exec(block);
    if (expectation === null || fragment === null)
      throw new Error(`${path}: test ${index + 1} has no expectation or no invoice`);
    return {
      position: index + 1,
      verdict: expectation[1] as 'success' | 'error',
      rule: expectation[2] ?? '',
      xml: fragment[0],
    };
  });
}
