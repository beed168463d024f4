/**
 * Issue 20: the HTML report's own words in the report's language, with its counts and dates
 * written as the text report writes them; the messages come translated already, and everything
 * from the input stays escaped.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/report/html/index.js';
import { RULES } from '../../../src/rules/index.js';
import { runCli } from '../../helpers/cli.js';
import { sampleResult } from '../sample.js';

const render = (lang: 'en' | 'fr'): string => [...renderHtml(sampleResult, { rules: RULES, lang })].join('');

describe('the HTML report in French', () => {
  const html = render('fr');

  it('says it is French and titles its sections in French', () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Rapport billcheck</title>');
    expect(html).toContain('<h2 id="summary">Résumé</h2>');
    expect(html).toContain('<h3>Par règle</h3>');
    expect(html).toContain('<h3 id="unread">Ce qui n’a pas pu être lu</h3>');
    expect(html).toContain('<h2 id="accounts">Historique des comptes</h2>');
    expect(html).toContain('<h2 id="rules">Règles</h2>');
  });

  it('heads the table and its filters in French, the severity filter keeping the ids', () => {
    expect(html).toContain('<th data-sort="severity">Gravité</th><th data-sort="text">Règle</th>');
    expect(html).toContain('<th class="n" data-sort="amount">Montant</th><th data-sort="text">Où</th>');
    expect(html).toContain('<option value="error">erreur</option><option value="warning">alerte</option>');
    expect(html).toContain('data-template="{shown} problèmes affichés sur {total}"');
    expect(html).toMatch(/<td class="sev-error" data-k="error">erreur<\/td>/);
  });

  it('counts in French and writes the rules’ explanations from the French catalogue', () => {
    expect(html).toContain('<li id="count-errors"><b>3</b>erreurs</li>');
    expect(html).toContain('<li id="count-fatal"><b>1</b>fichier non vérifié</li>');
    expect(html).toMatch(/<p class="verdict bad">✖ 5 problèmes ; non vérifiés : 1 fichier<\/p>/);
    expect(html).toContain('(erreur par défaut)\u00A0: ');
    expect(html).toContain('<p>Pourquoi : ');
    expect(html).not.toContain('Why: ');
  });

  it('is English by default, as it was', () => {
    const english = [...renderHtml(sampleResult, { rules: RULES })].join('');
    expect(english).toBe(render('en'));
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h2 id="summary">Summary</h2>');
    expect(english).toContain('<li id="count-errors"><b>3</b>errors</li>');
  });
});

describe('billcheck --format html under a French locale', () => {
  it('writes the French page with French dates and the bill’s amounts', async () => {
    const run = await runCli(['fixtures/seed-cases.csv', '--today', '2024-06-01', '--format', 'html'], {
      env: { LANG: 'fr_FR.UTF-8' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<html lang="fr">');
    expect(run.stdout).toContain('<td><time datetime="2024-01-05">05/01/2024</time></td>');
    expect(run.stdout).toContain('Le total de la facture, 149 000,00 €, dépasse le plafond de 10 000,00 €.');
    expect(run.stdout).toContain('<h3>Comptes les plus touchés <small>(4 comptes avec des problèmes)</small></h3>');
    // The charts speak French too: their label for screen readers, the termination line, the tooltips.
    expect(run.stdout).toMatch(
      /aria-label="Historique du compte 0612345003 : 13 factures du 05\/01\/2023 au 05\/01\/2024"/,
    );
    expect(run.stdout).toContain('>résilié</text>');
    expect(run.stdout).not.toMatch(/History of account|median of the earlier|>terminated</);
  });
});
