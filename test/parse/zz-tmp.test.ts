import { it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { splitLines } from '../../src/parse/text-lines.js';
import { detectKind } from '../../src/parse/text-kind.js';
import { parseTextDocument } from '../../src/parse/text.js';
it('x', () => {
  const dir = 'fixtures/text/';
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const text = readFileSync(dir + f, 'utf8');
    const lines = splitLines(text);
    const d = detectKind(lines);
    const doc = (parseTextDocument(text, f, {})[0] as any).document;
    console.log(f, lines[0]?.no, JSON.stringify(d), doc.id, doc.total?.toFixed(2), doc.amountDue?.toFixed(2));
  }
});
