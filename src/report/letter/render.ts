/**
 * A letter as plain text, Markdown, one printable HTML page, or JSON. Pure functions of the
 * letter's content: every string in it was made printable when the letter was built; Markdown
 * and HTML escape it again for their own syntax.
 */
import { terminalSafeJson } from '../sanitize.js';
import type { Letter, LetterSourceRef } from './letter.js';

export const LETTER_FORMATS = ['text', 'md', 'html', 'json'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

interface Section {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly list?: 'bullets' | 'numbers';
}

function referencesOf(letter: Letter): LetterSourceRef[] {
  const seen = new Map<string, LetterSourceRef>();
  for (const demand of letter.demands)
    for (const source of demand.basis?.sources ?? []) seen.set(source.url + source.title, source);
  return [...seen.values()];
}

/** A referral without a consumer-service letter is the direct one, after two months without an answer. */
const NO_SECOND_LETTER = {
  fr: 'aucune (service clients sans réponse depuis plus de deux mois)',
  en: 'none (no answer from the customer service for over two months)',
} as const;
/** The same before the two months are over: the form states no silence that has not yet lasted. */
const NO_SECOND_LETTER_YET = { fr: 'aucune', en: 'none' } as const;

function secondLetterText(form: NonNullable<Letter['mediatorForm']>, lang: Letter['lang']): string {
  return (
    form.complaintDatesText[1] ?? (form.customerServiceSilentTwoMonths ? NO_SECOND_LETTER : NO_SECOND_LETTER_YET)[lang]
  );
}

function formLines(letter: Letter): string[] {
  const form = letter.mediatorForm;
  if (form === undefined) return [];
  const fr = letter.lang === 'fr';
  const amount = form.amountInDispute.map((item) => item.text).join(' + ') || (fr ? '[montant]' : '[amount]');
  // Complaints about a sold debt went to the purchaser, not to the operator's two services.
  const bought = letter.purchaser?.name;
  if (bought !== undefined) {
    const [first, second] = form.complaintDatesText;
    return fr
      ? [
          `Opérateur (créancier d’origine) : ${form.operator}`,
          `Acquéreur de la créance : ${bought}`,
          ...form.numbers,
          `Réclamations écrites à ${bought} : ${[first ?? '[date]', ...(second === undefined ? [] : [second])].join(', ')}`,
          `Montant en litige : ${amount}`,
          `Ce que je demande : voir « ${letter.demandsHeading} » ci-dessous`,
        ]
      : [
          `Operator (original creditor): ${form.operator}`,
          `Purchaser of the debt: ${bought}`,
          ...form.numbers,
          `Written complaints to ${bought}: ${[first ?? '[date]', ...(second === undefined ? [] : [second])].join(', ')}`,
          `Amount in dispute: ${amount}`,
          `What I ask: see "${letter.demandsHeading}" below`,
        ];
  }
  const claimant =
    form.claimant === undefined
      ? []
      : [fr ? `Réclamant (entreprise) : ${form.claimant}` : `Claimant (company): ${form.claimant}`];
  return fr
    ? [
        ...claimant,
        `Opérateur : ${form.operator}`,
        ...form.numbers,
        `Réclamation écrite au service clients : ${form.complaintDatesText[0] ?? '[date]'}`,
        `Réclamation écrite au service consommateurs : ${secondLetterText(form, 'fr')}`,
        `Montant en litige : ${amount}`,
        `Ce que je demande : voir « ${letter.demandsHeading} » ci-dessous`,
      ]
    : [
        ...claimant,
        `Operator: ${form.operator}`,
        ...form.numbers,
        `Written complaint to the customer service: ${form.complaintDatesText[0] ?? '[date]'}`,
        `Written complaint to the consumer service: ${secondLetterText(form, 'en')}`,
        `Amount in dispute: ${amount}`,
        `What I ask: see "${letter.demandsHeading}" below`,
      ];
}

function sectionsOf(letter: Letter): Section[] {
  const fr = letter.lang === 'fr';
  const sections: Section[] = [];
  if (letter.mediatorForm !== undefined)
    sections.push({ heading: fr ? 'Formulaire de saisine' : 'Referral form', lines: formLines(letter) });
  sections.push({ heading: letter.factsHeading, lines: letter.facts.map((fact) => `${fact.text}.`), list: 'bullets' });
  sections.push({
    heading: letter.demandsHeading,
    lines: letter.demands.map((demand) => {
      const basis = demand.basis === undefined ? '' : `\n${letter.basisLabel}${fr ? ' : ' : ': '}${demand.basis.text}.`;
      return `${demand.text}.${basis}`;
    }),
    list: 'numbers',
  });
  return sections;
}

function closingParagraphs(letter: Letter): string[] {
  return [letter.undisputed, letter.deadline, letter.nextStep].filter((text) => text !== '');
}

const SUBJECT: Readonly<Record<Letter['lang'], string>> = { fr: 'Objet : ', en: 'Subject: ' };
const REFERENCES: Readonly<Record<Letter['lang'], string>> = { fr: 'Références', en: 'References' };

export function renderLetterText(letter: Letter): string {
  const out: string[] = [
    ...letter.sender,
    '',
    ...letter.recipient.map((line) => `${' '.repeat(40)}${line}`),
    '',
    letter.placeAndDate,
    '',
  ];
  out.push(
    letter.sending,
    `${SUBJECT[letter.lang]}${letter.subject}`,
    '',
    letter.salutation,
    '',
    ...letter.opening,
    '',
  );
  for (const section of sectionsOf(letter)) {
    out.push(section.heading);
    if (section.heading === letter.demandsHeading) out.push(letter.demandsIntro);
    section.lines.forEach((line, index) => {
      const marker = section.list === 'numbers' ? `${index + 1}. ` : section.list === 'bullets' ? '- ' : '';
      const [first = '', ...rest] = line.split('\n');
      out.push(`${marker}${first}`, ...rest.map((more) => `${' '.repeat(marker.length)}${more}`));
    });
    out.push('');
  }
  for (const paragraph of closingParagraphs(letter)) out.push(paragraph, '');
  out.push(letter.closing, '', ...letter.signature, '');
  out.push(letter.enclosuresHeading, ...letter.enclosures.map((line) => `- ${line}`));
  const references = referencesOf(letter);
  if (references.length > 0) {
    const colon = letter.lang === 'fr' ? ' : ' : ': ';
    out.push('', REFERENCES[letter.lang], ...references.map((source) => `- ${source.title}${colon}${source.url}`));
  }
  if (letter.notes.length > 0) out.push('', letter.notesHeading, ...letter.notes.map((note) => `- ${note}`));
  return `${out.join('\n')}\n`;
}

/** Markdown's own syntax characters, and HTML's, written as text. */
function md(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#+!|~&]/g, (char) => `\\${char}`)
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^-/, '\\-');
}

export function renderLetterMarkdown(letter: Letter): string {
  const out: string[] = [
    letter.sender.map(md).join('  \n'),
    '',
    letter.recipient.map(md).join('  \n'),
    '',
    md(letter.placeAndDate),
    '',
  ];
  out.push(
    `**${md(letter.sending)}**  `,
    `**${md(SUBJECT[letter.lang].trim())}** ${md(letter.subject)}`,
    '',
    md(letter.salutation),
    '',
  );
  for (const paragraph of letter.opening) out.push(md(paragraph), '');
  for (const section of sectionsOf(letter)) {
    out.push(`## ${md(section.heading)}`, '');
    if (section.heading === letter.demandsHeading) out.push(md(letter.demandsIntro), '');
    section.lines.forEach((line, index) => {
      const marker = section.list === 'numbers' ? `${index + 1}. ` : section.list === 'bullets' ? '- ' : '';
      const [first = '', ...rest] = line.split('\n');
      out.push(
        `${marker}${md(first)}${section.list === undefined ? '  ' : ''}`,
        ...rest.map((more) => `${' '.repeat(marker.length)}*${md(more)}*`),
      );
    });
    out.push('');
  }
  for (const paragraph of closingParagraphs(letter)) out.push(md(paragraph), '');
  out.push(md(letter.closing), '', ...letter.signature.map(md), '');
  out.push(`## ${md(letter.enclosuresHeading)}`, '', ...letter.enclosures.map((line) => `- ${md(line)}`));
  const references = referencesOf(letter);
  if (references.length > 0) {
    out.push(
      '',
      `## ${REFERENCES[letter.lang]}`,
      '',
      ...references.map((source) => `- ${md(source.title)}: <${source.url}>`),
    );
  }
  if (letter.notes.length > 0)
    out.push('', `## ${md(letter.notesHeading)}`, '', ...letter.notes.map((note) => `- ${md(note)}`));
  return `${out.join('\n')}\n`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const PAGE_STYLE = [
  'body{font-family:Georgia,"Times New Roman",serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}',
  '.sender,.recipient,.place{white-space:pre-line}.recipient{margin-left:55%}.place{text-align:right}',
  'h2{font-size:1em;margin:1.4em 0 .4em}.basis{font-style:italic}.refs{font-size:.85em}',
  '.notes{border-top:1px solid #999;margin-top:2em;font-family:sans-serif;font-size:.85em}',
  '@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}.notes{display:none}}',
].join('');

export function renderLetterHtml(letter: Letter): string {
  const e = escapeHtml;
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${letter.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Nothing but the inline style: no script, no image, no request leaves the page.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(letter.subject)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    `<p class="sender">${letter.sender.map(e).join('\n')}</p>`,
    `<p class="recipient">${letter.recipient.map(e).join('\n')}</p>`,
    `<p class="place">${e(letter.placeAndDate)}</p>`,
    `<p><strong>${e(letter.sending)}</strong><br><strong>${e(SUBJECT[letter.lang].trim())}</strong> ${e(letter.subject)}</p>`,
    `<p>${e(letter.salutation)}</p>`,
    ...letter.opening.map((paragraph) => `<p>${e(paragraph)}</p>`),
  ];
  for (const section of sectionsOf(letter)) {
    out.push(`<h2>${e(section.heading)}</h2>`);
    if (section.heading === letter.demandsHeading) out.push(`<p>${e(letter.demandsIntro)}</p>`);
    const items = section.lines.map((line) => {
      const [first = '', ...rest] = line.split('\n');
      return `<li>${e(first)}${rest.map((more) => `<br><span class="basis">${e(more)}</span>`).join('')}</li>`;
    });
    if (section.list === 'numbers') out.push('<ol>', ...items, '</ol>');
    else if (section.list === 'bullets') out.push('<ul>', ...items, '</ul>');
    else out.push(`<p>${section.lines.map(e).join('<br>')}</p>`);
  }
  for (const paragraph of closingParagraphs(letter)) out.push(`<p>${e(paragraph)}</p>`);
  out.push(`<p>${e(letter.closing)}</p>`, `<p>${letter.signature.map(e).join('<br>')}</p>`);
  out.push(
    `<h2>${e(letter.enclosuresHeading)}</h2>`,
    '<ul>',
    ...letter.enclosures.map((line) => `<li>${e(line)}</li>`),
    '</ul>',
  );
  const references = referencesOf(letter);
  if (references.length > 0) {
    out.push(`<h2>${REFERENCES[letter.lang]}</h2>`, '<ul class="refs">');
    out.push(
      ...references.map((source) => `<li>${e(source.title)}: <a href="${e(source.url)}">${e(source.url)}</a></li>`),
      '</ul>',
    );
  }
  if (letter.notes.length > 0) {
    // Notes are for the sender: shown on screen, not printed with the letter.
    const notes = letter.notes.map((note) => `<li>${e(note)}</li>`).join('\n');
    out.push(`<aside class="notes"><h2>${e(letter.notesHeading)}</h2>`, '<ul>', notes, '</ul></aside>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}

export function renderLetterJson(letter: Letter): string {
  return `${terminalSafeJson(JSON.stringify(letter, null, 2))}\n`;
}

export function renderLetter(letter: Letter, format: LetterFormat): string {
  switch (format) {
    case 'text':
      return renderLetterText(letter);
    case 'md':
      return renderLetterMarkdown(letter);
    case 'html':
      return renderLetterHtml(letter);
    case 'json':
      return renderLetterJson(letter);
  }
}
