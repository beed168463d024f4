import type { DocumentKind } from '../../model/document.js';
import type { Counted, Words } from '../words.js';

/** "0 fichier", "1 fichier", "2 fichiers": in French, 0 and 1 take the singular. */
const noun =
  (singular: string, plural = `${singular}s`): Counted =>
  (count, written) =>
    `${written} ${count < 2 ? singular : plural}`;

const PLURAL_KINDS: Readonly<Record<DocumentKind, string>> = {
  invoice: 'factures',
  'credit-note': 'avoirs',
  payment: 'paiements',
  dunning: 'relances',
  termination: 'résiliations',
};

export const FR_WORDS: Words = {
  report: {
    severity: { error: 'erreur', warning: 'alerte', info: 'info' },
    fatal: 'échec',
    skipped: 'ignoré',
    columns: 'colonnes',
    kinds: {
      invoice: 'facture',
      'credit-note': 'avoir',
      dunning: 'relance',
      payment: 'paiement',
      termination: 'résiliation',
    },
    ofDate: (date) => `du ${date}`,
    alsoReadAt: (places) => `lue aussi dans ${places}`,
    readAs: (roles) => `lues ainsi : ${roles}`,
    decidedBy: { values: 'd’après les valeurs', map: 'par --map' },
    settles: (map) => ` (${map} lève le doute)`,
    configOff: (file, total) =>
      `⚠ La configuration ${file} désactive toutes les règles (${total}) : rien n’a été vérifié`,
    configNoChange: 'aucun changement par rapport aux valeurs par défaut',
    configLine: (file, changes) => `Configuration ${file} : ${changes}`,
    skippedLine: (parts) => `Ignorés : ${parts}`,
    skipReasons: {
      extension: noun('fichier que billcheck ne lit pas', 'fichiers que billcheck ne lit pas'),
      hidden: noun('élément caché', 'éléments cachés'),
      duplicate: noun('lien vers un fichier ou dossier déjà lu', 'liens vers des fichiers ou dossiers déjà lus'),
      special: noun(
        'élément qui n’est pas un fichier (périphérique, tube ou socket)',
        'éléments qui ne sont pas des fichiers (périphériques, tubes, sockets)',
      ),
    },
    files: noun('fichier'),
    documents: noun('document'),
    accounts: noun('compte'),
    dataRows: noun('ligne de données', 'lignes de données'),
    problems: noun('problème'),
    errors: noun('erreur'),
    warnings: noun('alerte'),
    infos: noun('info'),
    then: ' ; ',
    scope: (documents, accounts, files) => `dans ${documents}, ${accounts}, ${files}`,
    couldNotBeChecked: (files, count) =>
      count < 2 ? `${files} n’a pas pu être vérifié` : `${files} n’ont pas pu être vérifiés`,
    nothingChecked: 'rien n’a été vérifié',
    noDocuments: (files, rows) => `Aucun document trouvé dans ${files} (${rows}) : rien n’a été vérifié`,
    noProblems: (scope) => `Aucun problème ${scope}`,
    noRuleOn: (documents, accounts, files) =>
      `Aucune règle n’est active : ${documents}, ${accounts}, ${files} lus, aucun vérifié`,
    problemsLine: (problems, counts, scope) => `${problems} (${counts}) ${scope}`,
    worstAccounts: (list) => `Comptes les plus touchés : ${list}`,
    storiesTitle: 'Historiques : chaque compte vu dans plusieurs fichiers, par date',
    account: (name) => `Compte ${name}`,
    aliasKinds: { line: 'ligne', customer: 'client' },
    namedBeside: 'cité à côté',
    onKinds: (kinds) => `sur les ${kinds.map((kind) => PLURAL_KINDS[kind]).join(' et les ')}`,
    invisibleIn: (chars) => ` (écrit avec un caractère invisible ${chars})`,
    alsoKnown: (aliases) => `, aussi ${aliases}`,
    ownInvisible: (chars) => ` ; écrit avec un caractère invisible ${chars}`,
    verbs: {
      invoice: 'facturé',
      'credit-note': 'avoir',
      payment: 'payé',
      dunning: 'réclamé',
      termination: 'résilié',
    },
    undated: 'sans date',
    effectiveOn: (date) => `résiliation effective le ${date}`,
    claimsInvoices: (ids) => `${ids.length === 1 ? 'pour la facture' : 'pour les factures'} ${ids.join(', ')}`,
    storiesDropped: (count) => `Historiques des premiers documents seulement : ${count} autres n’ont pas été gardés.`,
  },
  engine: {
    inColumn: (column) => ` (colonne « ${column} »)`,
    inColumnValue: (column, value) => ` (colonne « ${column} » : « ${value} »)`,
    conflict:
      'La facture {{invoiceId}} est aussi revendiquée par le compte {{otherAccount}} ({{otherFile}}:{{otherLine}}) avec un contenu différent : les deux comptes ne sont pas réunis.',
  },
  rules: {
    header: ['Règle', 'Gravité', 'Portée', 'Description'],
    scopes: { document: 'document', account: 'compte', input: 'entrée' },
    byDefault: (severity, scope) => `(${severity} par défaut, règle de portée ${scope})`,
    why: 'Pourquoi c’est important',
    whatToDo: 'Que faire',
    basis: 'Fondement',
    options: 'Options',
    example: 'Exemple',
    defaultValue: (value) => `(par défaut : ${value})`,
  },
  cli: {
    internalError: (message) => `Erreur interne : ${message}`,
    rerunDebug: 'Relancez avec --debug pour obtenir la pile d’appels, et signalez-la avec le fichier qui l’a provoquée',
    unknownRule: (id) => `Règle inconnue « ${id} » (billcheck rules en donne la liste)`,
    didYouMean: (word, suggestion) =>
      `Commande inconnue « ${word} » : vouliez-vous dire ${suggestion} ? (un fichier à vérifier s’écrit comme un chemin : ./${word})`,
    helpHint: '(billcheck --help décrit l’utilisation)',
  },
};
