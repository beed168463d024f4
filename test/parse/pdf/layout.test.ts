import { describe, expect, it } from 'vitest';
import { groupLines, layoutPage, layoutText } from '../../../src/parse/pdf/layout.js';
import type { PdfPageText, PdfTextItem } from '../../../src/parse/pdf/pdf-content.js';

/** A run of 10-point text whose characters advance 5 points each (the grid is then 5 points a column). */
function run(text: string, x: number, y: number, size = 10): PdfTextItem {
  return { text, x, y, width: text.length * 5, size };
}

const page = (...items: PdfTextItem[]): PdfPageText => ({ width: 595, height: 842, items });

describe('groupLines', () => {
  it('puts an amount set a few points off its label on the label line', () => {
    const lines = groupLines([
      run('Total TTC', 50, 100),
      run('30,82 €', 300, 103),
      run('TVA 20 %', 50, 112),
      run('5,14 €', 300, 110.5),
    ]);
    expect(lines.map((line) => line.items.map((item) => item.text))).toEqual([
      ['Total TTC', '30,82 €'],
      ['TVA 20 %', '5,14 €'],
    ]);
  });

  it('keeps two runs at the same place on close baselines apart: they are two lines of one column', () => {
    const lines = groupLines([run('12 rue des Lilas', 50, 100), run('69003 Lyon', 50, 104)]);
    expect(lines).toHaveLength(2);
  });

  it('does not join runs a line apart', () => {
    expect(groupLines([run('Total HT', 50, 100), run('25,68 €', 300, 112)])).toHaveLength(2);
  });
});

describe('layoutPage', () => {
  it('places runs on a character grid from the left margin, columns two spaces apart or more', () => {
    const lines = layoutPage(page(run('Facture n° F-1', 50, 100), run('Date : 05/03/2024', 250, 100)));
    expect(lines).toEqual([`Facture n° F-1${' '.repeat(40 - 14)}Date : 05/03/2024`]);
  });

  it('gives a column gap two spaces where the grid has no room left (a condensed label longer than its place)', () => {
    const condensed: PdfTextItem = { text: 'Montant total', x: 50, y: 100, width: 40, size: 10 };
    const lines = layoutPage(page(condensed, run('19,99 €', 101, 100), run('x', 50, 120)));
    expect(lines[0]).toBe('Montant total  19,99 €');
  });

  it('joins runs that touch: one word the producer cut in two', () => {
    expect(layoutPage(page(run('Fact', 50, 100), run('ure', 70, 100)))).toEqual(['Facture']);
  });

  it('separates runs a space apart by one space', () => {
    expect(layoutPage(page(run('Total', 50, 100), run('TTC', 78, 100)))).toEqual(['Total TTC']);
  });

  it('leaves a blank line where the page leaves a gap, orders lines top to bottom', () => {
    expect(layoutPage(page(run('bas', 50, 300), run('haut', 50, 100), run('suite', 50, 112)))).toEqual([
      'haut',
      'suite',
      '',
      'bas',
    ]);
  });

  it('has no line for a page without text', () => {
    expect(layoutPage(page())).toEqual([]);
  });
});

describe('layoutText', () => {
  it('ends every page with a form feed, as pdftotext does', () => {
    expect(layoutText([page(run('page un', 50, 100)), page(run('page deux', 50, 100))])).toBe(
      'page un\n\fpage deux\n\f',
    );
  });
});
