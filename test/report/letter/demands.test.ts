/**
 * The demand and basis a letter makes for each finding, from documents and findings built as
 * data (no CSV): which demand, merged how, with which basis in which country, and what amount
 * is said to be in dispute. Expected texts are written out.
 */
import { describe, expect, it } from 'vitest';
import type { AmountStyle, BillingDocument, DunningTitle } from '../../../src/model/document.js';
import type { EvidenceValue, Finding } from '../../../src/model/finding.js';
import type { LetterInput } from '../../../src/report/letter/build.js';
import { buildLetter } from '../../../src/report/letter/build.js';
import { DEMAND_ORDER, DEMANDS, OBSERVATIONS } from '../../../src/report/letter/demands.js';
import { SOURCES } from '../../../src/report/letter/sources.js';
import { RULES } from '../../../src/rules/index.js';
import { doc } from '../../helpers/builder.js';

const FRENCH: AmountStyle = {
  decimalSeparator: ',',
  groupSeparator: ' ',
  symbolBefore: false,
  currencySymbol: '€',
  dates: { order: 'dmy', separator: '/' },
};

function findingOn(document: BillingDocument, ruleId: string, evidence: Record<string, EvidenceValue> = {}): Finding {
  return {
    ruleId,
    severity: 'error',
    message: 'unused by letters',
    file: document.source.file,
    line: document.source.line,
    account: document.account,
    ...(document.id === undefined ? {} : { documentId: document.id }),
    documentKind: document.kind,
    ...(document.issueDate === undefined ? {} : { date: document.issueDate }),
    ...((document.amountDue ?? document.total) === undefined
      ? {}
      : { amount: (document.amountDue ?? document.total)?.toFixed(2) }),
    currency: document.currency,
    evidence: Object.assign(Object.create(null) as Record<string, EvidenceValue>, evidence),
  };
}

function letterOf(findings: Finding[], documents: BillingDocument[], overrides: Partial<LetterInput> = {}) {
  return buildLetter({
    account: 'A1',
    findings,
    documents,
    styles: new Map([['test.csv', FRENCH]]),
    lang: 'fr',
    jurisdiction: 'FR',
    stage: '1',
    today: '2026-12-01',
    sender: {},
    ...overrides,
  });
}

describe('the demand table', () => {
  it('has an observation and a demand for every rule, each demand in the order list once', () => {
    for (const rule of RULES) {
      const entry = OBSERVATIONS[rule.id];
      expect(entry, rule.id).toBeDefined();
      expect(DEMANDS[entry?.demandKey ?? ''], rule.id).toBeDefined();
    }
    expect(new Set(DEMAND_ORDER).size).toBe(DEMAND_ORDER.length);
    expect([...DEMAND_ORDER].sort()).toEqual(Object.keys(DEMANDS).sort());
  });

  it('cites only sources that are listed, each with an official address', () => {
    for (const demand of Object.values(DEMANDS)) {
      for (const id of demand.basis?.sources ?? [])
        expect(SOURCES[id]?.url).toMatch(
          /^https:\/\/(www\.legifrance\.gouv\.fr|arcep\.fr|www\.telecom-infoconso\.fr)\//,
        );
    }
  });

  it('cites article L224-39 only with the regulator page that states it (its own text was not read)', () => {
    const citing = Object.values(DEMANDS).filter(
      (demand) => demand.basis !== undefined && `${demand.basis.text.fr}${demand.basis.text.en}`.includes('L224-39'),
    );
    expect(citing).toHaveLength(1);
    for (const demand of citing) expect(demand.basis?.sources).toContain('telecomInfoconsoTermination');
    expect(SOURCES.telecomInfoconsoTermination.checked).toContain('conformément à l’article L. 224-39');
  });
});

describe('buildLetter demands', () => {
  const blank = doc({ id: 'FAC-1', issueDate: '2023-12-05', total: '0.00', net: '0.00', tax: '0.00', line: 5 });
  const notice = doc({
    kind: 'dunning',
    id: 'MED-1',
    issueDate: '2024-03-10',
    total: '0.01',
    references: ['FAC-1'],
    line: 6,
  });

  it('a 0,01 € notice on a blank invoice: one demand to cancel the notice and its collection, one to cancel the invoice', () => {
    const letter = letterOf(
      [
        findingOn(blank, 'blank-invoice'),
        findingOn(notice, 'dunning-for-blank-invoice', { invoiceId: 'FAC-1' }),
        findingOn(notice, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00' }),
      ],
      [blank, notice],
    );
    expect(letter.demands.map((demand) => [demand.key, demand.ruleIds, demand.documentIds])).toEqual([
      ['cancel-dunning-blank', ['dunning-for-blank-invoice', 'dunning-trivial-amount'], ['MED-1']],
      ['cancel-blank-invoice', ['blank-invoice'], ['FAC-1']],
    ]);
    expect(letter.demands[0]?.text).toBe(
      'annuler le courrier de relance MED-1 du 10/03/2024 (0,01 €) et toute procédure de recouvrement engagée à ce titre : la facture réclamée ne facture rien',
    );
    // The notice claims the blank invoice: what is disputed is the 0,01 € demanded, once.
    expect(letter.disputed).toEqual([{ amount: '0.01', currency: 'EUR', text: '0,01 €', part: 'debt' }]);
  });

  // Tryout 6 (fixtures/dossiers/fr-mise-en-demeure-facture-vierge): a reminder and a mise en demeure
  // for one blank invoice said "les factures réclamées ne facturent rien", as if there were several.
  it('two letters for one blank invoice: the letters plural, the invoice singular', () => {
    const reminder = doc({ kind: 'dunning', issueDate: '2024-02-12', total: '0.01', references: ['FAC-1'], line: 5 });
    const onBlank = (letter: BillingDocument): Finding =>
      findingOn(letter, 'dunning-for-blank-invoice', { invoiceId: 'FAC-1', invoices: ['FAC-1'] });
    const one = letterOf(
      [findingOn(blank, 'blank-invoice'), onBlank(reminder), onBlank(notice)],
      [blank, reminder, notice],
    );
    expect(one.demands[0]?.text).toMatch(/ : la facture qu’ils réclament ne facture rien$/);
    const english = letterOf([onBlank(reminder), onBlank(notice)], [blank, reminder, notice], { lang: 'en' });
    expect(english.demands[0]?.text).toMatch(/: the invoice they claim bills nothing$/);
    // Two blank invoices keep the plural.
    const other = doc({ id: 'FAC-2', issueDate: '2024-01-05', total: '0.00', line: 7 });
    const second = doc({ kind: 'dunning', issueDate: '2024-02-12', total: '0.01', references: ['FAC-2'], line: 8 });
    const two = letterOf(
      [onBlank(notice), findingOn(second, 'dunning-for-blank-invoice', { invoiceId: 'FAC-2', invoices: ['FAC-2'] })],
      [blank, other, notice, second],
    );
    expect(two.demands[0]?.text).toMatch(/ : les factures réclamées ne facturent rien$/);
  });

  it('states one bill read from two files (its export row and its own text) once, in the facts and the demands', () => {
    // A tryout's dossier: OR-25030551 was in the customer-area export and in the bill's text.
    const fromExport = doc({ id: 'OR-25030551', issueDate: '2025-03-02', total: '42.99', file: 'test.csv', line: 5 });
    const fromText = doc({ id: 'OR-25030551', issueDate: '2025-03-02', total: '42.99', file: 'facture.txt', line: 1 });
    const letter = letterOf(
      [findingOn(fromExport, 'billed-after-termination'), findingOn(fromText, 'billed-after-termination')],
      [fromExport, fromText],
    );
    expect(letter.facts).toHaveLength(1);
    expect(letter.demands.map((demand) => demand.documentIds)).toEqual([['OR-25030551']]);
    expect(letter.disputed.map((part) => part.text)).toEqual(['42,99 €']);
  });

  it('names the credit note the finding says covers the debt, though the export ties it to no invoice', () => {
    const invoice = doc({ id: 'FB-2025-131554', issueDate: '2025-04-12', total: '89.99', line: 2 });
    const credit = doc({ kind: 'credit-note', id: 'AV-2025-004412', issueDate: '2025-04-22', total: '89.99', line: 3 });
    const reminder = doc({
      kind: 'dunning',
      issueDate: '2025-05-13',
      amountDue: '89.99',
      references: ['FB-2025-131554'],
      line: 4,
    });
    const letter = letterOf(
      [
        findingOn(reminder, 'dunning-while-in-credit', {
          billed: '89.99',
          credited: '89.99',
          coveredBy: ['AV-2025-004412'],
        }),
      ],
      [invoice, credit, reminder],
    );
    expect(letter.facts.map((fact) => fact.text.slice(0, 34))).toContain('22/04/2025 : avoir AV-2025-004412,');
    expect(letter.enclosures.some((line) => line.includes('AV-2025-004412'))).toBe(true);
  });

  it('names a dunning letter a formal notice only when its own title says so', () => {
    const formal = doc({
      kind: 'dunning',
      id: 'MED-2',
      issueDate: '2024-03-10',
      total: '0.01',
      line: 7,
      extra: { dunningTitle: 'formal-notice' },
    });
    const letter = letterOf(
      [findingOn(formal, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00' })],
      [formal],
    );
    expect(letter.facts[0]?.text).toBe('10/03/2024 : mise en demeure MED-2, 0,01 € ; la somme exigée est de 0,01 €');
    expect(letter.enclosures).toEqual(['Copie de la mise en demeure MED-2 du 10/03/2024 (0,01 €)']);
    const plain = letterOf(
      [findingOn(notice, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00' })],
      [notice],
    );
    expect(plain.facts[0]?.text).toBe('10/03/2024 : courrier de relance MED-1, 0,01 € ; la somme exigée est de 0,01 €');
  });

  it('says the debt and the fees apart when an agency adds fees to a trivial debt (tryout 6)', () => {
    const formal = doc({
      kind: 'dunning',
      id: 'MED-3',
      issueDate: '2025-01-14',
      total: '12.01',
      line: 1,
      extra: { dunningTitle: 'formal-notice' },
    });
    const finding = findingOn(formal, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00', fees: '12.00' });
    expect(letterOf([finding], [formal]).facts[0]?.text).toBe(
      '14/01/2025 : mise en demeure MED-3, 12,01 € ; la somme réclamée au titre de la facture est de 0,01 €, ' +
        'à laquelle s’ajoutent 12,00 € de frais',
    );
    expect(letterOf([finding], [formal], { lang: 'en' }).facts[0]?.text).toBe(
      '14 January 2025: formal notice MED-3, 12,01 €; the sum claimed for the invoice is 0,01 €, to which 12,00 € of fees are added',
    );
  });

  it('names a dunning letter by its own title, with the French article and gender, in either language', () => {
    const titled = (dunningTitle: DunningTitle): BillingDocument =>
      doc({ kind: 'dunning', id: 'D-1', issueDate: '2024-03-12', total: '0.01', line: 7, extra: { dunningTitle } });
    const named = (dunningTitle: DunningTitle, lang: 'fr' | 'en') => {
      const document = titled(dunningTitle);
      const result = letterOf(
        [findingOn(document, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00' })],
        [document],
        { lang },
      );
      return [result.demands[0]?.text.split(' (')[0], result.enclosures[0]];
    };
    expect(named('final-reminder', 'fr')).toEqual([
      'annuler la dernière relance D-1 du 12/03/2024',
      'Copie de la dernière relance D-1 du 12/03/2024 (0,01 €)',
    ]);
    expect(named('final-notice', 'fr')).toEqual([
      'annuler le dernier avis D-1 du 12/03/2024',
      'Copie du dernier avis D-1 du 12/03/2024 (0,01 €)',
    ]);
    expect(named('final-demand', 'en')).toEqual([
      'cancel the final demand D-1 of 12 March 2024',
      'Copy of the final demand D-1 of 12 March 2024 (0,01 €)',
    ]);
    expect(named('formal-notice', 'en')[0]).toBe('cancel the formal notice D-1 of 12 March 2024');
    expect(named('reminder', 'fr')[0]).toBe('annuler la relance D-1 du 12/03/2024');
    // A "Final Demand" is itself a demand for payment: the demand cancels the sum it claims, not "its demand".
    const demand = titled('final-demand');
    const trivial = [findingOn(demand, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00' })];
    expect(letterOf(trivial, [demand], { lang: 'en' }).demands[0]?.text).toBe(
      'cancel the final demand D-1 of 12 March 2024 (0,01 €) and the sum it claims, tell me which invoice that amount comes from, and suspend any collection meanwhile',
    );
    expect(letterOf(trivial, [demand]).demands[0]?.text).toBe(
      'annuler la dernière demande de paiement D-1 du 12/03/2024 (0,01 €) et la somme réclamée, m’indiquer de quelle facture provient ce montant, et suspendre tout recouvrement d’ici là',
    );
  });

  it('names the bill a duplicate repeats, in the facts and in the demand, and encloses it', () => {
    const first = doc({ id: 'F-1', issueDate: '2024-01-05', periodStart: '2024-01-01', total: '49.99', line: 2 });
    const again = doc({ id: 'F-2', issueDate: '2024-02-05', periodStart: '2024-01-01', total: '49.99', line: 3 });
    const duplicate = findingOn(again, 'duplicate-invoice', {
      id: 'F-2',
      other: 'F-1',
      otherLocation: 'test.csv:2',
      periodStart: '2024-01-01',
      periodEnd: '2024-01-31',
    });
    const letter = letterOf([duplicate], [first, again]);
    expect(letter.facts.map((fact) => [fact.text, fact.disputed])).toEqual([
      ['05/01/2024 : facture F-1, 49,99 €', false],
      ['05/02/2024 : facture F-2, 49,99 € ; elle reprend la facture F-1 du 05/01/2024 (49,99 €)', true],
    ]);
    expect(letter.demands.map((demand) => demand.text)).toEqual([
      'annuler la facture F-2 du 05/02/2024 (49,99 €), qui reprend la facture F-1 du 05/01/2024 (49,99 €), et me rembourser toute somme payée deux fois (facturation en double)',
    ]);
    expect(letter.enclosures).toEqual([
      'Copie de la facture F-1 du 05/01/2024 (49,99 €)',
      'Copie de la facture F-2 du 05/02/2024 (49,99 €)',
    ]);
    expect(letter.disputed.map((amount) => amount.text)).toEqual(['49,99 €']);
    const english = letterOf([duplicate], [first, again], { lang: 'en' });
    expect(english.demands[0]?.text).toBe(
      'cancel the invoice F-2 of 5 February 2024 (49,99 €), which repeats the invoice F-1 of 5 January 2024 (49,99 €), and refund anything paid twice (double billing)',
    );
    // Where the first bill is not among the documents (another file not given), the letter says less, not wrong.
    const alone = letterOf([duplicate], [again]);
    expect(alone.facts.map((fact) => fact.text)).toEqual([
      '05/02/2024 : facture F-2, 49,99 € ; elle facture une seconde fois ce qu’une autre facture facture déjà',
    ]);
    expect(alone.demands[0]?.text).toBe(
      'annuler la facture F-2 du 05/02/2024 (49,99 €) et me rembourser toute somme payée deux fois (facturation en double)',
    );
  });

  it('a 0,01 € notice alone asks where the amount comes from, or how the invoice it names leaves it due', () => {
    const letter = letterOf(
      [findingOn(notice, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00' })],
      [notice],
    );
    expect(letter.demands.map((demand) => demand.key)).toEqual(['cancel-dunning-trivial']);
    expect(letter.demands[0]?.text).toContain('m’expliquer comment la facture FAC-1 laisserait ce montant dû');
    const unnamed = doc({ kind: 'dunning', id: 'MED-9', issueDate: '2024-03-10', total: '0.01', line: 6 });
    const asked = letterOf(
      [findingOn(unnamed, 'dunning-trivial-amount', { amount: '0.01', minAmount: '1.00' })],
      [unnamed],
    );
    expect(asked.demands[0]?.text).toContain('m’indiquer de quelle facture provient ce montant');
  });

  const termination = doc({ kind: 'termination', id: 'RES-1', issueDate: '2024-01-15', line: 10 });
  const after1 = doc({ id: 'FAC-2', issueDate: '2024-02-05', periodStart: '2024-02-01', total: '24.99', line: 11 });
  const after2 = doc({ id: 'FAC-3', issueDate: '2024-03-05', periodStart: '2024-03-01', total: '24.99', line: 12 });
  const afterTermination = [after1, after2].map((invoice) =>
    findingOn(invoice, 'billed-after-termination', {
      effectiveDate: '2024-01-25',
      terminationDate: '2024-01-15',
      periodStart: invoice.periodStart ?? null,
    }),
  );

  it('bills after termination: one demand for both invoices, the confirmation first, then L224-39 and Arcep', () => {
    const letter = letterOf(afterTermination, [termination, after1, after2]);
    expect(letter.demands).toHaveLength(1);
    // Issue 16, defect 7: the date it took effect, and the reminders stopped with the direct debit.
    expect(letter.demands[0]?.text).toBe(
      'annuler les factures FAC-2 du 05/02/2024 (24,99 €) et FAC-3 du 05/03/2024 (24,99 €), dont les périodes suivent la prise d’effet de ma résiliation le 25/01/2024, me rembourser toute somme prélevée à ce titre et cesser tout prélèvement, toute relance et tout recouvrement de ces sommes',
    );
    expect(letter.demands[0]?.basis?.text).toBe(
      'votre propre confirmation de résiliation RES-1 du 15/01/2024 atteste ma demande ; elle ne fixe pas de date de prise d’effet, qui est donc au plus tard le 25/01/2024, dix jours après ; ' +
        'article L224-39 du Code de la consommation : le préavis de résiliation ne peut excéder dix jours à compter de la réception de la demande par l’opérateur ; comme le rappelle l’Arcep, l’opérateur dispose de dix jours francs pour mettre fin au contrat',
    );
    expect(letter.demands[0]?.basis?.sources.map((source) => source.url)).toEqual([
      'https://www.telecom-infoconso.fr/la-resiliation-du-contrat.htm',
      'https://arcep.fr/demarches-et-services/utilisateurs/comment-connaitre-sa-duree-dengagement-contractuel-avec-son-operateur.html',
    ]);
    // A confirmation that states the date is quoted for it.
    const stated = { ...termination, effectiveDate: '2024-01-25' };
    expect(letterOf(afterTermination, [stated, after1, after2]).demands[0]?.basis?.text).toMatch(
      /^votre propre confirmation de résiliation RES-1 du 15\/01\/2024 fixe sa prise d’effet au 25\/01\/2024 ; article L224-39/,
    );
    expect(letter.disputed.map((amount) => amount.text)).toEqual(['49,98 €']);
    // The termination is context: in the facts and the enclosures, not disputed.
    expect(letter.facts.map((fact) => [fact.documentId, fact.disputed])).toEqual([
      ['RES-1', false],
      ['FAC-2', true],
      ['FAC-3', true],
    ]);
  });

  it('cites no French law for bills of another or an unknown country', () => {
    expect(
      letterOf(afterTermination, [after1, after2], { jurisdiction: 'GB', lang: 'en' }).demands[0]?.basis,
    ).toBeUndefined();
    expect(letterOf(afterTermination, [after1, after2], { jurisdiction: undefined }).demands[0]?.basis).toBeUndefined();
  });

  it('a collection fee: removed on article L111-8, and only the fee is disputed', () => {
    const invoice = doc({
      id: 'FAC-9',
      issueDate: '2024-04-05',
      total: '64.99',
      lines: [{ description: 'Frais de recouvrement', total: '40.00' }],
      line: 20,
    });
    const letter = letterOf(
      [
        findingOn(invoice, 'collection-fee-charged', {
          line: 1,
          description: 'Frais de recouvrement',
          amount: '40.00',
        }),
      ],
      [invoice],
    );
    expect(letter.demands[0]?.key).toBe('remove-collection-fee');
    expect(letter.demands[0]?.basis?.text).toMatch(/^article L111-8 du Code des procédures civiles d’exécution/);
    expect(letter.disputed.map((amount) => amount.text)).toEqual(['40,00 €']);
    expect(letter.facts[0]?.text).toBe(
      '05/04/2024 : facture FAC-9, 64,99 € ; des frais de recouvrement m’y sont facturés : « Frais de recouvrement », 40,00 €',
    );
  });

  it('totals that do not add up: a corrected invoice, on EN 16931 whatever the country', () => {
    const invoice = doc({ id: 'FAC-5', issueDate: '2024-05-05', net: '10.00', tax: '2.00', total: '13.00', line: 30 });
    for (const jurisdiction of ['FR', 'GB', undefined] as const) {
      const letter = letterOf([findingOn(invoice, 'total-mismatch')], [invoice], { jurisdiction });
      expect(letter.demands[0]?.key).toBe('correct-totals');
      expect(letter.demands[0]?.basis?.sources.map((source) => source.title)).toEqual([SOURCES.en16931.title]);
    }
  });

  it('a ceiling and a spike on one bill: one demand, the spike in the facts', () => {
    const bill = doc({ id: 'FAC-7', issueDate: '2024-01-05', total: '149000.00', line: 40 });
    const letter = letterOf(
      [
        findingOn(bill, 'amount-ceiling', { amount: '149000.00', max: '10000.00' }),
        findingOn(bill, 'amount-spike', { amount: '149000.00', median: '39.99', history: 12, ratio: 3726, factor: 10 }),
      ],
      [bill],
    );
    expect(letter.demands.map((demand) => [demand.key, demand.ruleIds])).toEqual([
      ['justify-amount', ['amount-ceiling', 'amount-spike']],
    ]);
    expect(letter.facts[0]?.text).toBe(
      '05/01/2024 : facture FAC-7, 149 000,00 € ; son montant, 149 000,00 €, est 3 726 fois la médiane de mes 12 factures précédentes (39,99 €)',
    );
  });

  describe('one debt demanded by two letters', () => {
    // The tryout's dossier: an invoice of 89,99 € billed after termination, the operator's reminder
    // for it, then an agency's formal notice for it with 40,00 € of fees (129,99 €).
    const invoice = doc({ id: 'F-89', issueDate: '2024-06-07', periodStart: '2024-06-01', total: '89.99', line: 70 });
    const reminder = doc({ kind: 'dunning', issueDate: '2024-07-01', total: '89.99', references: ['F-89'], line: 71 });
    const notice = doc({
      kind: 'dunning',
      id: 'MED-7',
      issueDate: '2024-09-03',
      total: '129.99',
      references: ['F-89'],
      line: 72,
    });
    const billedAfter = findingOn(invoice, 'billed-after-termination', {
      effectiveDate: '2024-05-13',
      periodStart: '2024-06-01',
    });
    const tooMuch = findingOn(notice, 'dunning-amount-mismatch', {
      demanded: '129.99',
      owed: '89.99',
      difference: '40.00',
      invoices: ['F-89'],
    });

    it('counts the invoice once and the fees apart, not the sum of the letters', () => {
      const letter = letterOf([billedAfter, tooMuch], [invoice, reminder, notice]);
      expect(letter.disputed).toEqual([
        { amount: '89.99', currency: 'EUR', text: '89,99 €', part: 'debt' },
        { amount: '40.00', currency: 'EUR', text: '40,00 €', part: 'on-top' },
      ]);
      expect(letter.undisputed).toBe(
        'Cette réclamation ne porte que sur les documents ci-dessus (montant contesté : 89,99 €, plus 40,00 € de frais et sommes réclamés en sus de la dette) ; je règle la part non contestée de mes factures.',
      );
    });

    it('takes the largest demand for the debt when both letters are disputed', () => {
      const reminderTrivial = findingOn(reminder, 'dunning-while-in-credit', { invoice: 'F-89' });
      const noticeCredited = findingOn(notice, 'dunning-while-in-credit', { invoice: 'F-89' });
      const letter = letterOf([reminderTrivial, noticeCredited], [invoice, reminder, notice]);
      // Nothing says what of 129,99 € is fees: the larger demand is the debt claimed.
      expect(letter.disputed.map((amount) => [amount.text, amount.part])).toEqual([['129,99 €', 'debt']]);
    });

    it('disputes only the excess when the debt itself is not disputed', () => {
      const letter = letterOf([tooMuch], [invoice, reminder, notice]);
      expect(letter.disputed.map((amount) => [amount.text, amount.part])).toEqual([['40,00 €', 'on-top']]);
      expect(letter.undisputed).toContain(
        '(montant contesté : 40,00 € de frais et sommes réclamés en sus de la dette)',
      );
    });

    it('counts a demand for two invoices once, not again with each invoice', () => {
      const second = doc({ id: 'F-90', issueDate: '2024-07-07', periodStart: '2024-07-01', total: '89.99', line: 73 });
      const both = doc({
        kind: 'dunning',
        id: 'MED-8',
        issueDate: '2024-09-03',
        total: '179.98',
        references: ['F-89', 'F-90'],
        line: 74,
      });
      const letter = letterOf(
        [
          billedAfter,
          findingOn(second, 'billed-after-termination', { effectiveDate: '2024-05-13' }),
          findingOn(both, 'dunning-time-barred', { invoice: 'F-89' }),
        ],
        [invoice, second, both],
      );
      expect(letter.disputed.map((amount) => amount.text)).toEqual(['179,98 €']);
    });
  });

  it('sums what is disputed per currency', () => {
    const eur = doc({ id: 'E1', issueDate: '2024-01-05', total: '12000.00', line: 50 });
    const gbp = doc({ id: 'G1', issueDate: '2024-01-06', total: '15000.00', currency: 'GBP', line: 51 });
    const letter = letterOf(
      [
        findingOn(eur, 'amount-ceiling', { amount: '12000.00', max: '10000.00' }),
        findingOn(gbp, 'amount-ceiling', { amount: '15000.00', max: '10000.00' }),
      ],
      [eur, gbp],
    );
    expect(letter.disputed.map((amount) => [amount.amount, amount.currency])).toEqual([
      ['12000.00', 'EUR'],
      ['15000.00', 'GBP'],
    ]);
  });

  it('makes ids from the input printable', () => {
    const hostile = doc({ id: 'FAC\u001b[2J-1', issueDate: '2024-01-05', total: '0.00', line: 60 });
    const letter = letterOf([findingOn(hostile, 'blank-invoice')], [hostile]);
    expect(letter.facts[0]?.documentId).toBe('FAC\\u001B[2J-1');
    expect(JSON.stringify(letter)).not.toContain('\u001b');
  });
});

describe('a reminder for a bill already settled: the letter says what settled it', () => {
  const invoice = doc({ id: 'F-0301', issueDate: '2024-03-10', total: '35.00', line: 2 });
  const reminder = doc({
    kind: 'dunning',
    id: 'R-0401',
    issueDate: '2024-04-15',
    total: '35.00',
    references: ['F-0301'],
    line: 5,
  });
  const withFinding = (messageId: string, evidence: Record<string, EvidenceValue>): Finding => ({
    ...findingOn(reminder, 'dunning-while-in-credit', evidence),
    messageId,
  });

  it('names a payment without a number by its date and amount, found where the evidence places it', () => {
    const payment = doc({ kind: 'payment', issueDate: '2024-03-28', total: '35.00', line: 4 });
    const finding = withFinding('covered', {
      billed: '35.00',
      credited: '35.00',
      references: ['F-0301'],
      coveredBy: ['test.csv:4'],
    });
    for (const lang of ['fr', 'en'] as const) {
      const letter = letterOf([finding], [invoice, payment, reminder], { lang });
      const said = lang === 'fr' ? 'le paiement du 28/03/2024 (35,00 €)' : 'the payment of 28 March 2024 (35,00 €)';
      expect(letter.demands.map((demand) => demand.key)).toEqual(['cancel-dunning-credited']);
      expect(letter.demands[0]?.text).toContain(said);
      expect(letter.facts.at(-1)?.text).toContain(said);
      expect(letter.facts.map((fact) => fact.kind)).toEqual(['invoice', 'payment', 'dunning']);
    }
  });

  it('names a credit note by its number', () => {
    const credit = doc({ kind: 'credit-note', id: 'AV-12', issueDate: '2024-03-20', total: '35.00', line: 3 });
    const finding = withFinding('covered', { billed: '35.00', credited: '35.00', coveredBy: ['AV-12'] });
    const letter = letterOf([finding], [invoice, credit, reminder]);
    expect(letter.demands[0]?.text).toBe(
      'annuler le courrier de relance R-0401 du 15/04/2024 (35,00 €), la facture réclamée étant déjà couverte par l’avoir AV-12 du 20/03/2024 (35,00 €), et me confirmer que mon compte est soldé',
    );
  });

  it('says the bill is marked paid when the export marks it so, and names no credit note or payment', () => {
    const finding = withFinding('markedPaid', { references: ['F-0301'], claimed: 'invoice F-0301' });
    const letter = letterOf([finding], [invoice, reminder]);
    expect(letter.demands.map((demand) => demand.key)).toEqual(['cancel-dunning-marked-paid']);
    expect(letter.facts.at(-1)?.text).toBe(
      '15/04/2024 : courrier de relance R-0401, 35,00 € ; ce courrier réclame la facture F-0301, que vos propres documents indiquent comme payée',
    );
    expect(letter.demands[0]?.text).not.toContain('avoir');
  });

  it('says the account owed nothing when credits cover everything billed, whatever the letter claims', () => {
    const finding = withFinding('inCredit', { billed: '35.00', credited: '40.00', references: [] });
    const letter = letterOf([finding], [invoice, reminder], { lang: 'en' });
    expect(letter.demands.map((demand) => demand.key)).toEqual(['cancel-dunning-in-credit']);
    expect(letter.facts.at(-1)?.text).toContain('by its date my account owed nothing: 40,00 € credited or paid');
  });

  it('falls back to the general wording when a covering document is not among those read', () => {
    const finding = withFinding('covered', { billed: '35.00', credited: '35.00', coveredBy: ['AV-99'] });
    const letter = letterOf([finding], [invoice, reminder]);
    expect(letter.demands[0]?.text).toContain('couverte par un avoir ou un paiement');
  });
});

describe('a reminder for a real bill and a blank one (tryout4 d1: Bouygues reminder naming two bills)', () => {
  it('withdraws the blank bill from the reminder and disputes none of the real bill', () => {
    const real = doc({ id: '11327725901223', issueDate: '2023-12-02', total: '30.98', line: 2 });
    const blank = doc({ id: '11327725900124', issueDate: '2024-01-02', total: '0.00', line: 3 });
    const reminder = doc({
      kind: 'dunning',
      issueDate: '2024-02-20',
      total: '30.98',
      references: ['11327725901223', '11327725900124'],
      line: 4,
    });
    const letter = letterOf(
      [
        findingOn(blank, 'blank-invoice'),
        {
          ...findingOn(reminder, 'dunning-for-blank-invoice', {
            invoiceId: '11327725900124',
            invoices: ['11327725900124'],
          }),
          messageId: 'blankInvoice',
        },
      ],
      [real, blank, reminder],
    );
    expect(letter.demands.map((demand) => demand.key)).toEqual(['withdraw-blank-claim', 'cancel-blank-invoice']);
    expect(letter.demands[0]?.text).toBe(
      'pour le courrier de relance du 20/02/2024 (30,98 €), retirer la réclamation de la facture 11327725900124, qui ne facture rien, et toute procédure de recouvrement engagée à ce titre',
    );
    expect(letter.disputed.map((part) => [part.text, part.part])).toEqual([['0,00 €', 'debt']]);
  });
});

describe('one letter, several findings of a kind (tryout5 de-vodafone: an Inkasso letter)', () => {
  const blank = doc({ id: 'R-0301', issueDate: '2024-03-01', total: '0.00', line: 2 });
  const inkasso = doc({
    kind: 'dunning',
    issueDate: '2024-06-10',
    total: '54.51',
    references: ['R-0301'],
    line: 3,
  });

  it('says two collection fees in one observation', () => {
    const fee = (description: string, amount: string): Finding =>
      findingOn(inkasso, 'collection-fee-charged', { description, amount });
    const letter = letterOf([fee('Mahngebühren', '5.00'), fee('Inkassokosten', '49.50')], [blank, inkasso]);
    expect(letter.facts.at(-1)?.text).toBe(
      '10/06/2024 : courrier de relance pour la facture R-0301, 54,51 € ; des frais de recouvrement m’y sont facturés : « Mahngebühren », 5,00 € et « Inkassokosten », 49,50 €',
    );
  });

  it('makes one demand of a blank bill that the export also marks paid', () => {
    const letter = letterOf(
      [
        findingOn(blank, 'blank-invoice'),
        findingOn(inkasso, 'dunning-for-blank-invoice', { invoiceId: 'R-0301', invoices: ['R-0301'] }),
        { ...findingOn(inkasso, 'dunning-while-in-credit', { references: ['R-0301'] }), messageId: 'markedPaid' },
      ],
      [blank, inkasso],
    );
    expect(letter.demands.map((demand) => demand.key)).toEqual(['cancel-dunning-blank', 'cancel-blank-invoice']);
  });
});

describe('two reminders for one bill a credit note covers (tryout4 d4: Telekom and its Inkasso agency)', () => {
  it('names the credit note in the one demand to cancel both', () => {
    const invoice = doc({ id: 'R-0224', issueDate: '2024-02-03', total: '39.98', line: 2 });
    const credit = doc({ kind: 'credit-note', id: 'GS-11', issueDate: '2024-02-20', total: '39.98', line: 3 });
    const letters = ['2024-02-27', '2024-03-12'].map((issueDate, i) =>
      doc({ kind: 'dunning', id: `M-${i}`, issueDate, total: '39.98', references: ['R-0224'], line: 4 + i }),
    );
    const findings = letters.map((letter) => ({
      ...findingOn(letter, 'dunning-while-in-credit', { billed: '39.98', credited: '39.98', coveredBy: ['GS-11'] }),
      messageId: 'covered',
    }));
    const letter = letterOf(findings, [invoice, credit, ...letters], { lang: 'en' });
    expect(letter.demands.map((demand) => demand.text)).toEqual([
      'cancel the payment demands M-0 of 27 February 2024 (39,98 €) and M-1 of 12 March 2024 (39,98 €), since the invoice they claim is already covered by the credit note GS-11 of 20 February 2024 (39,98 €), and confirm that my account is settled',
    ]);
  });

  it('speaks of the invoices in the plural when the reminders claim several (tryout 7: one bill was "les factures")', () => {
    const bills = ['R-0224', 'R-0324'].map((id, i) =>
      doc({ id, issueDate: `2024-0${2 + i}-03`, total: '39.98', line: 2 + i }),
    );
    const credit = doc({ kind: 'credit-note', id: 'GS-11', issueDate: '2024-03-20', total: '79.96', line: 4 });
    const letters = bills.map((bill, i) =>
      doc({
        kind: 'dunning',
        id: `M-${i}`,
        issueDate: `2024-04-1${i}`,
        total: '39.98',
        references: [bill.id as string],
        line: 5 + i,
      }),
    );
    const findings = letters.map((letter) => ({
      ...findingOn(letter, 'dunning-while-in-credit', { billed: '39.98', credited: '79.96', coveredBy: ['GS-11'] }),
      messageId: 'covered',
    }));
    const letter = letterOf(findings, [...bills, credit, ...letters]);
    expect(letter.demands.map((demand) => demand.text)).toEqual([
      expect.stringContaining('les factures réclamées étant déjà couvertes par l’avoir GS-11'),
    ]);
  });
});

// Tryout 6 (fixtures/dossiers/fr-relance-plusieurs-factures): one reminder for two bills, one not yet
// due, was answered by cancelling the whole reminder and disputing both bills, "la facture qu'il
// réclame" as if it claimed one.
describe('a reminder early for one of the bills it claims', () => {
  const due = doc({ id: 'F-03', issueDate: '2024-03-05', total: '29.99', line: 2 });
  const notYet = doc({ id: 'F-04', issueDate: '2024-04-05', total: '29.99', line: 3 });
  const reminder = doc({
    kind: 'dunning',
    id: 'RL-1',
    issueDate: '2024-04-15',
    total: '59.98',
    references: ['F-03', 'F-04'],
    line: 4,
  });
  const early = (invoices: string[]): Finding =>
    findingOn(reminder, 'dunning-before-due', {
      invoice: 'F-04',
      dueDate: '2024-04-25',
      letterDate: '2024-04-15',
      daysEarly: 10,
      invoices,
    });

  it('names the early invoice and its due date, withdraws its claim alone, disputes its amount alone', () => {
    const letter = letterOf([early(['F-04'])], [due, notYet, reminder]);
    expect(letter.facts.at(-1)?.text).toBe(
      '15/04/2024 : courrier de relance RL-1, 59,98 € ; ce courrier réclame la facture F-04 avant son échéance du 25/04/2024',
    );
    expect(letter.demands.map((demand) => demand.key)).toEqual(['withdraw-early-claim']);
    expect(letter.demands[0]?.text).toBe(
      'pour le courrier de relance RL-1 du 15/04/2024 (59,98 €), retirer la réclamation de la facture F-04, qui n’était pas échue à la date de ce courrier',
    );
    expect(letter.disputed.map((part) => part.text)).toEqual(['29,99 €']);
  });

  it('still cancels a reminder whose every invoice was not yet due', () => {
    const alone = doc({
      kind: 'dunning',
      id: 'RL-2',
      issueDate: '2024-04-15',
      total: '29.99',
      references: ['F-04'],
      line: 5,
    });
    const letter = letterOf(
      [findingOn(alone, 'dunning-before-due', { invoice: 'F-04', dueDate: '2024-04-25', invoices: ['F-04'] })],
      [notYet, alone],
    );
    expect(letter.demands.map((demand) => demand.key)).toEqual(['cancel-dunning-early']);
  });
});
