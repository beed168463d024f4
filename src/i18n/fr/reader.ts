/**
 * The readers' sentences in French: why a row cannot be read (invalid-input), what a reader noticed
 * (notices), why a part was skipped. Readers write them in English, in their own modules that other
 * work changes often; the report translates them here by their English wording, the parts they
 * quote (a value, a count, a nested reason) kept. A sentence not listed stays English.
 */

type Phrase = readonly [RegExp, (match: RegExpExecArray, nested: (text: string) => string) => string];

const PHRASES: readonly Phrase[] = [
  // An export's title lines (src/parse/csv).
  [
    /^1 line before the header \(line (\d+)\) is not data: an export's title or date$/,
    (m) => `1 ligne avant l’en-tête (ligne ${m[1]}) n’est pas une donnée : le titre ou la date d’un export`,
  ],
  [
    /^(\d+) lines before the header \(line (\d+)\) are not data: an export's title or date$/,
    (m) => `${m[1]} lignes avant l’en-tête (ligne ${m[2]}) ne sont pas des données : le titre ou la date d’un export`,
  ],
  // Rows and cells (src/parse/csv, src/parse/values).
  [/^the date cannot be read \((.*)\)$/s, (m, t) => `la date est illisible (${t(m[1] as string)})`],
  [/^the amount cannot be read \((.*)\)$/s, (m, t) => `le montant est illisible (${t(m[1] as string)})`],
  [
    /^the period's start date cannot be read \((.*)\)$/s,
    (m, t) => `la date de début de la période est illisible (${t(m[1] as string)})`,
  ],
  [
    /^the period's end date cannot be read \((.*)\)$/s,
    (m, t) => `la date de fin de la période est illisible (${t(m[1] as string)})`,
  ],
  [
    /^ambiguous amount: no other value in this column shows whether "\." or "," separates the decimals$/,
    () => 'montant ambigu : aucune autre valeur de cette colonne ne montre si « . » ou « , » sépare les décimales',
  ],
  [/^ambiguous separator: thousands or decimals$/, () => 'séparateur ambigu : milliers ou décimales'],
  [/^unknown document type$/, () => 'type de document inconnu'],
  [/^unknown currency$/, () => 'devise inconnue'],
  [/^a currency in a number column$/, () => 'une devise dans une colonne de nombres'],
  [/^letters in the amount$/, () => 'des lettres dans le montant'],
  [/^unexpected character "(.*)" in the amount$/s, (m) => `caractère inattendu « ${m[1]} » dans le montant`],
  [/^too long to be an amount$/, () => 'trop long pour être un montant'],
  [/^too long to be a date$/, () => 'trop long pour être une date'],
  [/^too long to be a period$/, () => 'trop long pour être une période'],
  [/^empty$/, () => 'vide'],
  [/^not a date$/, () => 'pas une date'],
  [/^no day in the date$/, () => 'pas de jour dans la date'],
  [/^unbalanced parenthesis$/, () => 'parenthèse non refermée'],
  [/^no digits$/, () => 'aucun chiffre'],
  [/^more than one sign$/, () => 'plus d’un signe'],
  [/^two currencies$/, () => 'deux devises'],
  [/^ends with a separator$/, () => 'se termine par un séparateur'],
  [/^exponent notation$/, () => 'notation avec exposant'],
  [/^more than one number$/, () => 'plus d’un nombre'],
  [/^more than (\d+) digits$/, (m) => `plus de ${m[1]} chiffres`],
  [/^misplaced separators$/, () => 'séparateurs mal placés'],
  [/^more than one decimal separator$/, () => 'plus d’un séparateur décimal'],
  [/^mixed group separators$/, () => 'séparateurs de milliers mélangés'],
  [/^month out of range in the period$/, () => 'mois hors limites dans la période'],
  [/^month out of range$/, () => 'mois hors limites'],
  [/^year out of range$/, () => 'année hors limites'],
  [/^no such day in that month$/, () => 'ce jour n’existe pas dans ce mois'],
  [
    /^the year comes last, not first as the date order says$/,
    () => 'l’année vient en dernier, pas en premier comme le veut l’ordre des dates',
  ],
  [/^unknown month name$/, () => 'nom de mois inconnu'],
  [/^impossible time of day$/, () => 'heure impossible'],
  [
    /^not a period: expected two dates such as "(.*)"$/s,
    (m) => `pas une période : deux dates attendues, comme « ${m[1]} »`,
  ],
  [/^the row has (\d+) fields, the header has (\d+)$/, (m) => `la ligne a ${m[1]} champs, l’en-tête en a ${m[2]}`],
  [/^the row is longer than 1 MiB$/, () => 'la ligne dépasse 1 Mio'],
  [/^contains bytes that are not valid UTF-8$/, () => 'contient des octets qui ne sont pas de l’UTF-8 valide'],
  [
    /^a quoted field is not closed before the end of the file(.*)$/s,
    (m) => `un champ entre guillemets n’est pas refermé avant la fin du fichier${m[1]}`,
  ],
  // Files and folders (src/check/inputs.ts).
  [/^cannot read this folder: (.*)$/s, (m, t) => `dossier illisible : ${t(m[1] as string)}`],
  [/^cannot read: (.*)$/s, (m, t) => `lecture impossible : ${t(m[1] as string)}`],
  [/^cannot read the CSV: (.*)$/s, (m) => `lecture du CSV impossible : ${m[1]}`],
  [/^no such file or directory$/, () => 'fichier ou dossier introuvable'],
  [/^permission denied$/, () => 'permission refusée'],
  [/^is a directory$/, () => 'c’est un dossier'],
  [/^a part of the path is not a directory$/, () => 'une partie du chemin n’est pas un dossier'],
  [/^symbolic links that point to each other in a loop$/, () => 'des liens symboliques qui forment une boucle'],
  [/^the path is too long$/, () => 'le chemin est trop long'],
  [/^too many open files$/, () => 'trop de fichiers ouverts'],
  [/^no file matches this pattern$/, () => 'aucun fichier ne correspond à ce motif'],
  // Texts and PDFs (src/parse/text).
  [
    /^the amounts of this bill cannot be read \(misread figures, as OCR makes them\)$/,
    () => 'les montants de cette facture sont illisibles (chiffres mal reconnus, comme en produit l’OCR)',
  ],
  [/^no invoice or letter found in this text$/, () => 'aucune facture ni lettre trouvée dans ce texte'],
  // Notices (src/parse/csv/roles.ts, documents.ts).
  [
    /^the row repeats document number (.*) with (.*): read as another document$/s,
    (m) => `la ligne reprend le numéro de document ${m[1]} avec ${m[2]} : lue comme un autre document`,
  ],
  [
    /^no column holds the document numbers: each row is read as a document of its own$/,
    () => 'aucune colonne ne porte les numéros des documents : chaque ligne est lue comme un document à part',
  ],
  [
    /^no column holds the document dates: rules that need a date skip these documents$/,
    () =>
      'aucune colonne ne porte les dates des documents : les règles qui ont besoin d’une date passent ces documents',
  ],
  [
    /^two columns are named (.*) \(columns (\d+) and (\d+)\): the first is read, the second is not$/s,
    (m) => `deux colonnes s’appellent ${m[1]} (colonnes ${m[2]} et ${m[3]}) : la première est lue, la seconde non`,
  ],
  [
    /^(\d+) charge columns read as the lines of each bill, adding up to its total: (.*)$/s,
    (m) =>
      `${m[1]} colonnes de montants lues comme les lignes de chaque facture, dont la somme fait le total : ${m[2]}`,
  ],
  [
    /^the amounts name no currency and the headers are English: read as euros \(EUR\), a guess \(pounds and dollars are written the same way\); an account whose other documents state a currency is read in that one, and a guess is never reported as a currency-mismatch$/,
    () =>
      'les montants ne nomment aucune devise et les en-têtes sont en anglais : lus en euros (EUR), par supposition ' +
      '(livres et dollars s’écrivent de la même façon) ; un compte dont d’autres documents indiquent une devise ' +
      'est lu dans celle-ci, et une supposition n’est jamais signalée comme currency-mismatch',
  ],
  // A bill's text that says it is settled (src/parse/text/status.ts).
  [/^read as paid: the bill says "(.*)"$/s, (m) => `lue comme payée : la facture indique « ${m[1]} »`],
  [
    /^the (invoice|document) number "(.*)" may be cut: "(.*)" follows it on the same line and is not read as part of it$/s,
    (m) =>
      `le numéro ${m[1] === 'invoice' ? 'de facture' : 'du document'} « ${m[2]} » est peut-être tronqué : « ${m[3]} », qui le suit sur la même ligne, n’a pas été lu avec lui`,
  ],

  [
    /^the amounts name no currency: read as pounds \(([A-Z]{3})\), from the values: the (lines are UK numbers|addresses have UK postcodes) \((.*)\)$/s,
    (m) =>
      `les montants ne nomment aucune devise : lus en livres (${m[1]}), d’après les valeurs : ` +
      `${m[2] === 'lines are UK numbers' ? 'les lignes sont des numéros britanniques' : 'les adresses ont des codes postaux britanniques'} (${m[3]})`,
  ],
  [
    /^the amounts name no currency: read as ([A-Z]{3}), as the header (.*) names it$/s,
    (m) => `les montants ne nomment aucune devise : lus en ${m[1]}, comme l’indique l’en-tête ${m[2]}`,
  ],
  [
    /^the amounts name no currency: read as pounds \(([A-Z]{3})\), from the text: the text names a UK (line|postcode) \((.*)\)$/s,
    (m) =>
      `les montants ne nomment aucune devise : lus en livres (${m[1]}), d’après le texte : ` +
      `${m[2] === 'line' ? 'il nomme une ligne britannique' : 'il nomme un code postal britannique'} (${m[3]})`,
  ],
  [
    /^(VAT is checked against the rates of|read as bills of) ([A-Z]{2}), a guess: (.*), and other countries write that language too; a Country column or vat-rate-mismatch's "rates" option$/s,
    (m) =>
      `${countrySubject(m[1] as string)} ${m[2]}, par supposition : ${countryEvidence(m[3] as string)}, et d’autres ` +
      'pays écrivent cette langue ; une colonne Pays ou l’option « rates » de vat-rate-mismatch',
  ],
  [
    /^(VAT is checked against the rates of|read as bills of) ([A-Z]{2}): (.*)$/s,
    (m) => `${countrySubject(m[1] as string)} ${m[2]} : ${countryEvidence(m[3] as string)}`,
  ],
  // Columns whose values decided their field (src/parse/csv/roles.ts), the field names kept as the report writes them.
  [
    /^column (".*?") read as (\w+)(?: instead of (\w+))?: (.*)$/s,
    (m, t) =>
      `colonne ${m[1]} lue comme ${m[2]}${m[3] === undefined ? '' : ` au lieu de ${m[3]}`} : ${t(m[4] as string)}`,
  ],
  [
    /^column (".*?") is named like (\w+) but (.*): not read as (\w+)$/s,
    (m, t) => `colonne ${m[1]} est nommée comme ${m[2]} mais ${t(m[3] as string)} : pas lue comme ${m[4]}`,
  ],
  [/^its values are document types \((.*)\)$/s, (m) => `ses valeurs sont des types de document (${m[1]})`],
  [/^its values are ids, one per document$/, () => 'ses valeurs sont des numéros, un par document'],
  [
    /^its values are phone numbers \(the line each bill is for\)$/,
    () => 'ses valeurs sont des numéros de téléphone (la ligne de chaque facture)',
  ],
  [/^its values say whether the bill is paid$/, () => 'ses valeurs disent si la facture est payée'],
  [
    /^its values are date ranges \("du … au …", "… - …"\)$/,
    () => 'ses valeurs sont des périodes (« du … au … », « … - … »)',
  ],
  [/^its values are dates, the first such column$/, () => 'ses valeurs sont des dates, la première de ce genre'],
  [/^its values are dates$/, () => 'ses valeurs sont des dates'],
  [
    /^its values are not (dates|amounts|currencies)$/,
    (m) => `ses valeurs ne sont pas des ${NOT_VALUES_FR[m[1] as string]}`,
  ],
  [
    /^net \+ tax = total holds with it on (\d+) of (\d+) rows$/,
    (m) => `HT + TVA = TTC se vérifie avec elle sur ${m[1]} lignes sur ${m[2]}`,
  ],
  [
    /^no column is named like a total, and net \+ tax = it on (\d+) of (\d+) rows$/,
    (m) => `aucune colonne n’est nommée comme un total, et HT + TVA = elle sur ${m[1]} lignes sur ${m[2]}`,
  ],
  [
    /^the (\d+) rows of document (.*) carry the same amounts, net \+ tax = total on each: read as \1 lines to add up, as the file's other documents list their lines \(the same for any later document like it\)$/s,
    (m) =>
      `les ${m[1]} lignes du document ${m[2]} portent les mêmes montants, HT + TVA = TTC sur chacune : ` +
      `lues comme ${m[1]} lignes à additionner, comme les autres documents du fichier listent leurs lignes ` +
      '(de même pour tout document semblable plus loin)',
  ],
  [
    /^none of its values names a document kind \(invoice, credit note, dunning letter, payment…\)$/,
    () => 'aucune de ses valeurs ne nomme un type de document (facture, avoir, relance, paiement…)',
  ],
  [
    /^its values are the numbers of documents listed in (.*)$/s,
    (m) => `ses valeurs sont les numéros de documents listés dans ${m[1]}`,
  ],
  [/^the documents of (".*") point to its values$/s, (m) => `les documents de ${m[1]} renvoient à ses valeurs`],
  [
    /^(".*") holds phone numbers and this column an id per document$/s,
    (m) => `${m[1]} porte des numéros de téléphone et cette colonne un numéro par document`,
  ],
  // Mail parts (src/parse/mail).
  [
    /^an attachment of type (.*), not a bill billcheck reads$/s,
    (m) => `une pièce jointe de type ${m[1]}, pas une facture que billcheck lit`,
  ],
  [/^the attachment cannot be read: (.*)$/s, (m) => `la pièce jointe est illisible : ${m[1]}`],
  [
    /^more than (\d+) attachments: the others are not read$/,
    (m) => `plus de ${m[1]} pièces jointes : les autres ne sont pas lues`,
  ],
  [/^a message nested more than (\d+) levels deep$/, (m) => `un message imbriqué sur plus de ${m[1]} niveaux`],
];

const NOT_VALUES_FR: Readonly<Record<string, string>> = { dates: 'dates', amounts: 'montants', currencies: 'devises' };

function countrySubject(subject: string): string {
  return subject === 'read as bills of' ? 'lu comme des factures du pays' : 'TVA vérifiée selon les taux du pays';
}

const LANGUAGE_NAMES_FR: Readonly<Record<string, string>> = {
  German: 'allemand',
  Dutch: 'néerlandais',
  French: 'français',
  English: 'anglais',
};

/** "the headers are German, they state 19 %, the amounts are in EUR", part by part. */
function countryEvidence(evidence: string): string {
  return evidence
    .split(', ')
    .map((part) => {
      const language = /^the headers are (\w+)$/.exec(part)?.[1];
      if (language !== undefined) return `les en-têtes sont en ${LANGUAGE_NAMES_FR[language] ?? language}`;
      const rates = /^they state (.*)$/.exec(part)?.[1];
      if (rates !== undefined) return `ils indiquent ${rates}`;
      const currency = /^the amounts are in (\w+)$/.exec(part)?.[1];
      return currency === undefined ? part : `les montants sont en ${currency}`;
    })
    .join(', ');
}

/** The French of a reader's English sentence, or the sentence itself when it is not in the list. */
export function frenchReaderText(text: string): string {
  for (const [pattern, french] of PHRASES) {
    const match = pattern.exec(text);
    if (match !== null) return french(match, frenchReaderText);
  }
  return text;
}
