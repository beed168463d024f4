/** The --from file, and the escaping of input strings in Markdown and HTML letters. */
import { describe, expect, it } from 'vitest';
import type { Letter } from '../../../src/report/letter/letter.js';
import { renderLetterHtml, renderLetterMarkdown } from '../../../src/report/letter/render.js';
import { parseSender, SenderFileError } from '../../../src/report/letter/sender.js';

describe('parseSender', () => {
  it('reads a JSON object, an address as lines', () => {
    expect(
      parseSender(
        '{"name": "Marie Dupont", "address": ["12 rue des Lilas", "75011 Paris"], "city": "Paris", "customerNumber": "0612345001"}',
      ),
    ).toEqual({
      name: 'Marie Dupont',
      address: ['12 rue des Lilas', '75011 Paris'],
      city: 'Paris',
      customerNumber: '0612345001',
    });
  });

  it('reads "key: value" lines with French keys, repeated address lines and comments', () => {
    const text =
      '# moi\nNom: Marie Dupont\nAdresse: 12 rue des Lilas\nAdresse: 75011 Paris\nN° client: 0612345001\nCourriel: marie@example.org\n';
    expect(parseSender(text)).toEqual({
      name: 'Marie Dupont',
      address: ['12 rue des Lilas', '75011 Paris'],
      customerNumber: '0612345001',
      email: 'marie@example.org',
    });
  });

  it('refuses an unknown key, __proto__ included, rather than ignoring it', () => {
    expect(() => parseSender('{"nmae": "x"}')).toThrow(SenderFileError);
    expect(() => parseSender('{"__proto__": {"name": "x"}}')).toThrow(/unknown key "__proto__"/);
    expect(() => parseSender('name Marie')).toThrow(/expected "key: value"/);
    expect(() => parseSender('{"name": 3}')).toThrow(/must be text/);
  });

  it('makes values printable', () => {
    expect(parseSender('name: Marie\u001b[31m Dupont').name).toBe('Marie\\u001B[31m Dupont');
  });
});

const HOSTILE = '<script>alert(1)</script> *x* [l](http://e.x)';

function letterWith(text: string): Letter {
  return {
    version: 1,
    lang: 'fr',
    stage: '1',
    jurisdiction: 'FR',
    account: text,
    date: '2026-12-01',
    placeAndDate: 'Paris, le 1er décembre 2026',
    sender: [text],
    recipient: [text],
    sending: 'Lettre recommandée avec avis de réception',
    subject: `Réclamation – client n° ${text}`,
    salutation: 'Madame, Monsieur,',
    opening: [text],
    factsHeading: 'Les faits',
    facts: [
      {
        dateText: '05/12/2023',
        kind: 'invoice',
        documentId: text,
        currency: 'EUR',
        text: `05/12/2023 : facture ${text}`,
        disputed: true,
      },
    ],
    demandsHeading: 'Mes demandes',
    demandsIntro: 'Je vous demande de :',
    basisLabel: 'Fondement',
    demands: [
      { key: 'cancel-blank-invoice', ruleIds: ['blank-invoice'], documentIds: [text], text: `annuler ${text}` },
    ],
    disputedHeading: 'Montant contesté',
    disputed: [],
    undisputed: 'u',
    deadline: 'd',
    nextStep: 'n',
    closing: 'c',
    signature: [text],
    enclosuresHeading: 'Pièces jointes',
    enclosures: [text],
    notesHeading: 'Notes',
    notes: [text],
  };
}

describe('renderLetterHtml', () => {
  it('escapes every input string and loads nothing', () => {
    const html = renderLetterHtml(letterWith(HOSTILE));
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toMatch(/\ssrc=|<link|<img|@import/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});

describe('renderLetterMarkdown', () => {
  it('writes Markdown and HTML syntax from the input as text', () => {
    const md = renderLetterMarkdown(letterWith(HOSTILE));
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\*x\\* \\[l\\](http://e.x)');
  });
});
