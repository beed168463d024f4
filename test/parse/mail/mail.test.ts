/**
 * E-mail files: the body's letter, dated by the Date header, and the attachments billcheck reads.
 * The messages are built here as mail clients write them (multipart/mixed, quoted-printable text,
 * base64 attachments and HTML), with the wording of the dossiers' reminders (fixtures/dossiers).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParseEvent, SkippedPart } from '../../../src/model/input.js';
import type { BillingDocument } from '../../../src/model/document.js';
import { detectFormat } from '../../../src/parse/detect.js';
import { parseInput } from '../../../src/parse/index.js';
import { parseMail } from '../../../src/parse/mail/index.js';
import { headerDate } from '../../../src/parse/mail/headers.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');

const CSV =
  'N° de facture;Type;N° client;Date de facture;Montant TTC (€)\r\nF-2024-01-118;Facture;C-104233;05/01/2024;59,98\r\n';

// A real bill: the PDF fixture of an Orange-like bill (fixtures/pdf/README.md).
const PDF_B64 = readFileSync(new URL('../../../fixtures/pdf/orange-facture.pdf', import.meta.url))
  .toString('base64')
  .replace(/.{76}/g, '$&\r\n');

const MIXED = [
  'From: Orange <ne-pas-repondre@orange.example>',
  'To: claire.moreau@example.org',
  'Date: Mon, 4 Mar 2024 23:30:00 -0500',
  'Subject: =?utf-8?q?Votre_facture_est_en_attente_de_paiement?=',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="sep"',
  '',
  '--sep',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Sauf erreur de notre part, votre facture n=C2=B0 F-2024-01-118 reste impay=C3=A9e, arriv=',
  '=C3=A9e =C3=A0 =C3=A9ch=C3=A9ance le 20/01/2024.',
  'Montant restant d=C3=BB : 59,98 =E2=82=AC',
  'Merci de r=C3=A9gler avant le 15 mars 2024.',
  '--sep',
  'Content-Type: text/csv; name="facture.csv"',
  'Content-Disposition: attachment; filename="facture.csv"',
  'Content-Transfer-Encoding: base64',
  '',
  b64(CSV),
  '--sep',
  'Content-Type: application/pdf; name="facture.pdf"',
  'Content-Disposition: attachment; filename="../../facture.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  PDF_B64,
  '--sep--',
  '',
].join('\r\n');

async function read(message: string, file = 'relance.eml'): Promise<{ events: ParseEvent[]; skipped: SkippedPart[] }> {
  const skipped: SkippedPart[] = [];
  const events = await parseMail(Buffer.from(message, 'utf8'), file, {}, (part) => skipped.push(part));
  return { events, skipped };
}

function documents(events: readonly ParseEvent[]): BillingDocument[] {
  return events.flatMap((event) => (event.type === 'document' ? [event.document] : []));
}

describe('e-mail files', () => {
  it('reads the letter of a quoted-printable body, dated as the sender wrote the Date header, with the body deciding its kind', async () => {
    const { events } = await read(MIXED);
    const [letter] = documents(events);
    expect(letter).toMatchObject({
      kind: 'dunning',
      issueDate: '2024-03-04',
      amountDue: expect.anything(),
      references: ['F-2024-01-118'],
    });
    expect(letter?.amountDue?.toFixed(2)).toBe('59.98');
    expect(letter?.source).toEqual({ file: 'relance.eml', line: 1, format: 'mail' });
    // The quoted due date is the invoice's; the letter's own deadline comes after its date.
    expect(letter?.dueDate === undefined || letter.dueDate >= '2024-03-04').toBe(true);
  });

  it('leaves the due date a reminder quotes to its invoice, when only the Date header dates the reminder', async () => {
    // SFR's wording of a reminder e-mail (tryout of 2 December 2026): no date in the body but the invoice's due date.
    const { events } = await read(
      [
        'From: SFR <noreply@sfr.example>',
        'Subject: Votre facture',
        'Date: Mon, 6 May 2024 07:02:11 +0200',
        'Content-Type: text/plain; charset=utf-8',
        '',
        "Nous n'avons pas reçu le règlement de votre facture FA2404-778815 d'un montant de 45,99 €, arrivée à échéance le 20/04/2024.",
      ].join('\r\n'),
    );
    const [letter] = documents(events);
    expect(letter).toMatchObject({ kind: 'dunning', issueDate: '2024-05-06', references: ['FA2404-778815'] });
    expect(letter?.dueDate).toBeUndefined();
  });

  it("takes the subject's kind over a body that only mentions an invoice (a German reminder)", async () => {
    // Telekom's "Zahlungserinnerung" e-mail: the body starts "zu Ihrer Rechnung …" and demands payment in German.
    const { events } = await read(
      [
        'From: Telekom <rechnung@telekom.example>',
        'Subject: Zahlungserinnerung zu Ihrer Rechnung',
        'Date: Tue, 27 Feb 2024 10:30:00 +0100',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'zu Ihrer Rechnung 3412 8876 0224 vom 03.02.2024 haben wir bis heute keinen Zahlungseingang festgestellt.',
        'Offener Betrag: 39,98 EUR, fällig am 15.02.2024.',
      ].join('\r\n'),
    );
    const [letter] = documents(events);
    expect(letter).toMatchObject({ kind: 'dunning', issueDate: '2024-02-27', references: ['3412 8876 0224'] });
    expect(letter?.id).toBeUndefined();
    expect(letter?.dueDate).toBeUndefined();
  });

  it('reads CSV and PDF attachments as documents named after the message', async () => {
    const { events, skipped } = await read(MIXED);
    const attached = documents(events).find((doc) => doc.source.file === 'relance.eml#facture.csv');
    expect(attached).toMatchObject({ kind: 'invoice', id: 'F-2024-01-118', account: 'C-104233' });
    const pdf = documents(events).find((doc) => doc.source.file === 'relance.eml#facture.pdf');
    expect(pdf).toMatchObject({ kind: 'invoice', id: '0123456789F0324', total: expect.anything() });
    expect(pdf?.total?.toFixed(2)).toBe('49.99');
    expect(skipped).toEqual([]);
  });

  it('names an attachment it does not read as skipped', async () => {
    const message = MIXED.replace(
      'Content-Type: application/pdf; name="facture.pdf"',
      'Content-Type: application/vnd.ms-excel; name="facture.xls"',
    )
      .replace('filename="../../facture.pdf"', 'filename="facture.xls"')
      .replace(PDF_B64, b64('PK\u0003\u0004 a spreadsheet'));
    const { skipped } = await read(message);
    expect(skipped).toEqual([
      { file: 'relance.eml#facture.xls', reason: expect.stringContaining('not a bill billcheck reads') },
    ]);
  });

  it('turns an HTML body (base64) into text', async () => {
    const html =
      '<html><body><p>Votre facture n&deg; FB-2024-03-7781 d&#39;un montant de 39,99&nbsp;&euro; reste impay&eacute;e &agrave; ce jour.</p><table><tr><td>Ligne</td><td>0033 1 23 45 67 89</td></tr></table></body></html>';
    const message = [
      'From: Free <f@free.example>',
      'Date: Fri, 12 Apr 2024 08:05:00 +0200',
      'Subject: Relance',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      b64(html),
      '',
    ].join('\r\n');
    const [letter] = documents((await read(message)).events);
    expect(letter).toMatchObject({
      kind: 'dunning',
      issueDate: '2024-04-12',
      references: ['FB-2024-03-7781'],
      account: '0033 1 23 45 67 89',
    });
  });

  it('dates a forwarded letter by its own pasted header, not by the forwarding', async () => {
    const body = [
      "-----Message d'origine-----",
      'De : SFR <relance@sfr.example>',
      'Envoyé : lundi 4 mars 2024 10:12',
      'Objet : Relance facture',
      '',
      'Sauf erreur de notre part, votre facture n° FAC-2023-12-5521 reste impayée.',
      'Montant restant dû : 19,99 €',
    ].join('\r\n');
    const message = [
      'From: Karim <k@example.org>',
      'Date: Wed, 20 Mar 2024 18:00:00 +0100',
      'Subject: TR: Relance facture',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\r\n');
    const [letter] = documents((await read(message)).events);
    expect(letter).toMatchObject({ kind: 'dunning', issueDate: '2024-03-04' });
  });

  it('fails with one line for a message with nothing billcheck reads', async () => {
    const message = [
      'From: a@example.org',
      'Date: Mon, 4 Mar 2024 10:12:00 +0100',
      'Subject: Hello',
      'MIME-Version: 1.0',
      '',
      'See you on Monday.',
      '',
    ].join('\r\n');
    await expect(read(message)).rejects.toThrow('no invoice or letter found in this e-mail or its attachments');
  });

  it('is recognized by its headers on standard input, and an .eml without headers stays a text', async () => {
    expect(detectFormat('<stdin>', MIXED.slice(0, 400))).toBe('mail');
    expect(detectFormat('relance.eml', 'Objet : Relance\n\nSauf erreur de notre part…')).toBe('text');
    const skipped: SkippedPart[] = [];
    const source = {
      name: '<stdin>',
      open: async function* () {
        yield Buffer.from(MIXED);
      },
    };
    const events: ParseEvent[] = [];
    for await (const event of parseInput(source, {}, (part) => skipped.push(part))) events.push(event);
    expect(documents(events).map((doc) => doc.source.file)).toEqual([
      '<stdin>',
      '<stdin>#facture.csv',
      '<stdin>#facture.pdf',
    ]);
    expect(skipped).toEqual([]);
  });
});

describe('headerDate', () => {
  it('reads RFC 5322 dates as written, whatever the time zone', () => {
    expect(headerDate('Mon, 4 Mar 2024 10:12:00 +0100')).toBe('2024-03-04');
    expect(headerDate('4 Mar 2024 23:59:59 -1200')).toBe('2024-03-04');
    expect(headerDate('Thu, 31 Feb 2024 10:00:00 +0000')).toBeUndefined();
    expect(headerDate('yesterday')).toBeUndefined();
    expect(headerDate(undefined)).toBeUndefined();
  });
});

describe('a reminder whose body decides the kind', () => {
  it('takes the letter\'s rank from the subject (Three\'s "Final reminder", reading round 4)', async () => {
    const message = [
      'From: Three <billing@three.example>',
      'Date: Tue, 16 Apr 2024 10:24:00 +0100',
      'Subject: Final reminder: your Three account is overdue',
      'Content-Type: text/plain; charset="utf-8"',
      '',
      'Our records show that your bill TH-90412-0324 of £26.50 has still not been paid.',
      'Amount overdue: £26.50',
      '',
    ].join('\r\n');
    const events = await parseMail(Buffer.from(message, 'utf8'), 'reminder.eml', {}, () => undefined);
    const [event] = events;
    expect(event).toMatchObject({
      type: 'document',
      document: { kind: 'dunning', dunningTitle: 'final-reminder', issueDate: '2024-04-16' },
    });
  });
});

// Tryout 6: Vodafone UK's "Thanks for your payment" e-mail quotes the bill it pays ("Bill number:"),
// which made it an invoice with no amount (a false blank-invoice and duplicate-invoice).
describe('a payment confirmation that quotes its bill', () => {
  const dossier = new URL('../../../fixtures/dossiers/en-uk-cabot-assignment-after-payment/', import.meta.url);
  it('is a payment of the amount it thanks for, referring to the bill', async () => {
    const message = readFileSync(new URL('payment-confirmation.eml', dossier));
    const events = await parseMail(message, 'payment-confirmation.eml', {}, () => undefined);
    const doc = events.find((event) => event.type === 'document')?.document;
    expect(doc?.kind).toBe('payment');
    expect(doc?.total?.toFixed(2) ?? doc?.amountDue?.toFixed(2)).toBe('38.50');
    expect(doc?.references).toEqual(['VF-2605-123064']);
  });

  it('stays an invoice when the body thanks for nothing', async () => {
    const message = readFileSync(new URL('payment-confirmation.eml', dossier), 'utf8').replace(
      'Thanks for your payment of £38.50, received on 19 May 2026.',
      'Your bill of £38.50 is ready.',
    );
    const events = await parseMail(Buffer.from(message, 'utf8'), 'bill.eml', {}, () => undefined);
    expect(events.find((event) => event.type === 'document')?.document.kind).toBe('invoice');
  });
});

// Tryout 7: Bouygues's "Votre facture … est disponible … sera prélevé" e-mail was dated by its Date
// header (28/08) instead of the bill's date it names (20/08), and its customer reference was not read:
// it became a second bill of the same number in an account named after the file.
describe("a bill's notice e-mail", () => {
  const notice = new URL(
    '../../../fixtures/dossiers/fr-avis-facture-disponible/2026-08-28_avis-de-prelevement.eml',
    import.meta.url,
  );
  const documentOf = async (message: string | Buffer): Promise<BillingDocument | undefined> => {
    const events = await parseMail(Buffer.from(message), 'avis.eml', {}, () => undefined);
    return events.find((event) => event.type === 'document')?.document;
  };

  it("is the bill it names: that bill's number, date and amount, in the customer's account", async () => {
    const doc = await documentOf(readFileSync(notice));
    expect(doc).toMatchObject({
      kind: 'invoice',
      id: 'FA-20260820-4411',
      issueDate: '2026-08-20',
      account: '1.234.567.89',
    });
    expect(doc?.total?.toFixed(2)).toBe('23.99');
  });

  it('is dated by its Date header when it prints no date of the bill', async () => {
    const message = readFileSync(notice, 'utf8').replace(' du 20/08/2026', '');
    expect((await documentOf(message))?.issueDate).toBe('2026-08-28');
  });

  it('dates a letter by its Date header still, whatever date of a bill it quotes', async () => {
    const message = readFileSync(notice, 'utf8')
      .replace('Subject: Votre facture Bouygues Telecom est disponible', 'Subject: Relance : facture impayée')
      .replace('est\ndisponible dans votre Espace Client.', 'reste impayée.');
    const doc = await documentOf(message);
    expect(doc).toMatchObject({ kind: 'dunning', issueDate: '2026-08-28', references: ['FA-20260820-4411'] });
  });
});

describe('a credit note announced in an e-mail (tryout 8, dossier B)', () => {
  const message = readFileSync(
    new URL('../../../fixtures/dossiers/fr-red-avoir-annonce-email/02-avoir-annonce.eml', import.meta.url),
  );
  const documentOf = async (bytes: string | Buffer): Promise<BillingDocument | undefined> => {
    const events = await parseMail(Buffer.from(bytes), 'avoir.eml', {}, () => undefined);
    return events.find((event) => event.type === 'document')?.document;
  };

  it('is the credit note "Avoir n° … du …", not the bill of its "Facture concernée :"', async () => {
    const doc = await documentOf(message);
    expect(doc).toMatchObject({
      kind: 'credit-note',
      id: 'AV-RED-0826-0091',
      issueDate: '2026-08-18',
      references: ['RED-0826-77120'],
    });
    expect(doc?.total?.toFixed(2)).toBe('29.99');
  });
});

describe('a direct-debit notice e-mail naming no bill', () => {
  const message = [
    'From: Free Mobile <ne-pas-repondre@free-mobile.fr>',
    'To: abonne@example.fr',
    'Subject: Avis de prélèvement',
    'Date: Mon, 2 Nov 2026 09:00:00 +0100',
    'Content-Type: text/plain; charset=utf-8',
    '',
    // The wording of tryout 8's avis (fixtures/text/free-avis-de-prelevement.txt), its bill left unnamed.
    'Avis de prélèvement',
    '',
    'Identifiant abonné : FM-55102938',
    'Un montant de 19,99 € sera prélevé sur votre compte le 06/11/2026.',
    '',
  ].join('\r\n');

  it('is one skipped part with its reason, no payment and no fatal problem', async () => {
    const { events, skipped } = await read(message, 'avis.eml');
    expect(events).toEqual([]);
    expect(skipped).toEqual([{ file: 'avis.eml', reason: expect.stringContaining('direct-debit notice') }]);
  });
});
