import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  excelSeparatorHint,
  formatFromName,
  looksLikeCsv,
  sniffDelimiter,
  splitHeaderLine,
} from '../../src/parse/detect.js';

describe('sniffDelimiter', () => {
  it('finds each candidate delimiter in a header line', () => {
    expect(sniffDelimiter('N° facture;Date;Montant TTC')).toBe(';');
    expect(sniffDelimiter('Invoice number,Date,Total')).toBe(',');
    expect(sniffDelimiter('N° facture\tDate\tMontant TTC')).toBe('\t');
    expect(sniffDelimiter('Invoice|Date|Total')).toBe('|');
  });

  it('ignores delimiters inside quoted header cells', () => {
    expect(sniffDelimiter('"Montant (HT, €)";"TVA, 20 %";Total')).toBe(';');
    expect(sniffDelimiter('"Date; émission","Total; TTC",Compte')).toBe(',');
  });

  it('prefers ";" on a tie, and returns undefined for a line without any candidate', () => {
    expect(sniffDelimiter('Montant, TTC;Total')).toBe(';');
    expect(sniffDelimiter('Bonjour Madame')).toBeUndefined();
  });
});

describe('splitHeaderLine', () => {
  it('honours quotes and doubled quotes', () => {
    expect(splitHeaderLine('"N° ""facture""";Date;"Montant; TTC"', ';')).toEqual([
      'N° "facture"',
      'Date',
      'Montant; TTC',
    ]);
  });
});

describe('excelSeparatorHint', () => {
  it('reads the "sep=" line Excel writes', () => {
    expect(excelSeparatorHint('sep=;')).toBe(';');
    expect(excelSeparatorHint('"sep=,"')).toBe(',');
    expect(excelSeparatorHint('N° facture;Date')).toBeUndefined();
  });
});

describe('format detection', () => {
  it('trusts .csv and .tsv names, and leaves .txt, .eml, unknown names and stdin to the content', () => {
    expect(formatFromName('exports/Factures.CSV')).toBe('csv');
    expect(formatFromName('lines.tsv')).toBe('csv');
    expect(formatFromName('facture.txt')).toBeUndefined();
    expect(formatFromName('relance.eml')).toBeUndefined();
    expect(formatFromName('export.dat')).toBeUndefined();
    expect(formatFromName('-')).toBeUndefined();
    expect(formatFromName('dir.v2/README')).toBeUndefined();
  });

  it('reads a header with two recognizable column names as CSV', () => {
    expect(looksLikeCsv('N° facture;Date;Montant TTC\nF1;01/03/2024;12,00\n')).toBe(true);
    expect(looksLikeCsv('\n\nInvoice number\tTotal\n')).toBe(true);
    expect(looksLikeCsv('sep=;\nN° facture;Montant TTC\n')).toBe(true);
  });

  it('reads letters and bills as text, even when a line holds a delimiter', () => {
    expect(looksLikeCsv('Objet : mise en demeure de payer\nMadame, Monsieur,\n')).toBe(false);
    expect(looksLikeCsv('Bonjour, votre facture est disponible.\n')).toBe(false);
    expect(looksLikeCsv('From: service.client@operateur.fr\nSubject: Facture n° 12\n')).toBe(false);
    expect(looksLikeCsv('Couleur;Taille;Poids\nrouge;M;2\n')).toBe(false);
  });

  it('detects by name first, by content otherwise', () => {
    expect(detectFormat('mail.txt', 'N° facture;Montant TTC\nF1;12,00\n')).toBe('csv');
    expect(detectFormat('mail.txt', 'Facture n° F1\nTotal TTC : 12,00 €\n')).toBe('text');
    expect(detectFormat('bills.csv', 'anything')).toBe('csv');
  });
});

describe('looksLikeCsv after title lines (issue 12)', () => {
  it('finds the header among the first lines of an export saved as .txt', () => {
    const head = [
      'Mes factures - Espace client',
      'Édité le 02/06/2024',
      '',
      'Date;N° de facture;Ligne;Montant TTC',
      '05/01/2024;F1;0612345678;47,99',
    ].join('\n');
    expect(detectFormat('factures.txt', head)).toBe('csv');
  });

  it('does not take a sentence of a letter with commas for a header', () => {
    const letter = [
      'Orange',
      'Madame, Monsieur,',
      'Facture n° 123, montant TTC 12,00 €, à régler avant le 05/02/2024.',
      'Cordialement,',
    ].join('\n');
    expect(detectFormat('relance.txt', letter)).toBe('text');
  });
});
