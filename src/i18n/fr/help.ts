/**
 * The help texts in French, key for key with src/i18n/en/help.ts. Wording as French command-line
 * tools (GNU coreutils' French catalogue: « Utilisation : », « Afficher l’aide… ») and
 * service-public.fr write; a no-break space (U+00A0) before a colon, as French typography does.
 */
import type { HelpKey } from '../en/help.js';
import type { Phrases } from '../phrases.js';

const CHECK_AFTER = `
Exemples\u00A0:
  $ billcheck factures.csv                      vérifier un export
  $ billcheck exports/ facture.txt              un dossier (parcouru en entier) et un courrier
  $ billcheck facture-2024-03.pdf               une facture PDF, lue directement (sans OCR\u00A0: les scans sont refusés)
  $ cat factures.csv | billcheck -              l’entrée standard
  $ billcheck factures.csv --format json | jq '.findings[] | select(.severity == "error")'
  $ billcheck factures.csv --terminated 0612345001=15/01/2024
  $ billcheck factures.csv --rule amount-ceiling=off --max-warnings 0
  $ billcheck exports/ --format html -o rapport.html   une page à ouvrir dans un navigateur

Codes de sortie\u00A0: 0 aucune erreur, 1 des erreurs (ou plus d’alertes que --max-warnings),
                  2 erreur d’utilisation, fichier illisible ou configuration invalide.`;

const PROGRAM_AFTER = `
« billcheck FICHIER… » est la forme courte de « billcheck check FICHIER… » (voir billcheck check --help).
billcheck lit les exports CSV, le texte des factures et des courriers, et directement les factures PDF
(un document scanné doit d’abord passer par l’OCR).

Exemples\u00A0:
  $ billcheck factures.csv                      vérifier un export, rapport à lire
  $ billcheck factures.csv --format json | jq '.summary'
  $ billcheck rules                             ce que billcheck signale
  $ billcheck explain dunning-while-in-credit   pourquoi, et que faire
  $ billcheck facture.pdf                       une facture PDF (ou plusieurs dans un même PDF)
  $ billcheck extract facture.txt               ce que billcheck a lu dans une facture`;

const LETTER_AFTER = `
Exemples\u00A0:
  $ billcheck letter factures.csv --account 0612345001 --from moi.json > reclamation.txt
  $ billcheck letter factures.csv --account 0612345001 --stage 2 --sent 2026-09-01
  $ billcheck letter factures.csv --account 0612345001 --stage mediator --sent 2026-09-01 --sent 2026-10-05 -f html -o saisine.html
  $ billcheck letter --status --sent 2026-09-01

La lettre est un brouillon établi d’après les factures, pas un conseil juridique\u00A0: relisez-la avant de l’envoyer.`;

export const FR_HELP: Phrases<HelpKey> = {
  'title.usage': 'Utilisation\u00A0:',
  'title.arguments': 'Arguments\u00A0:',
  'title.options': 'Options\u00A0:',
  'title.commands': 'Commandes\u00A0:',
  'title.globalOptions': 'Options globales\u00A0:',
  'term.command': '[commande]',
  'term.helpCommand': 'help [commande]',
  'extra.choices': 'valeurs possibles\u00A0: {{list}}',
  'extra.default': 'par défaut\u00A0: {{value}}',
  'option.help': 'Afficher l’aide de la commande',
  'option.version': 'Afficher la version',
  'command.help': 'Afficher l’aide de la commande',
  'argument.files': '[fichiers...]',
  'argument.filesDescription': 'Fichiers, dossiers (parcourus en entier) ou - pour l’entrée standard',
  'argument.ruleId': '<règle>',
  'argument.ruleIdDescription': 'L’identifiant d’une règle, tel que billcheck rules les liste',
  'option.lang':
    'Langue des messages, des résumés, de rules et d’explain (par défaut\u00A0: selon les paramètres régionaux)',
  'option.config':
    'Fichier de configuration (par défaut\u00A0: billcheck.config.json, cherché dans le dossier courant puis au-dessus)',
  'option.noConfig': 'Ignorer tout fichier de configuration',
  'option.color': 'Forcer les couleurs',
  'option.noColor': 'Désactiver les couleurs',
  'option.debug': 'Afficher la pile d’appels des erreurs internes',
  'option.terminated': 'Le contrat (de ce compte) a pris fin à cette date (répétable)',
  'option.format': 'Format de sortie',
  'option.delimiter': 'Séparateur CSV',
  'option.encoding': 'Encodage des fichiers lus',
  'option.map': 'Lire un champ dans cette colonne (répétable)',
  'option.dateOrder': 'Ordre des dates numériques',
  'program.description':
    'Repérer les factures absurdes\u00A0: relances pour 0,01 €, factures vierges, factures de 149 000 € ' +
    'sur une ligne de particulier, factures après résiliation.',
  'program.after': PROGRAM_AFTER,
  'check.description': 'Vérifier factures, avoirs, relances et résiliations (CSV, texte ou PDF)',
  'check.format': 'Format du rapport (html\u00A0: une page autonome avec graphiques)',
  'check.output': 'Écrire le rapport dans ce fichier plutôt que sur la sortie standard',
  'check.rule': 'Régler une règle sur off, info, warning ou error (répétable)',
  'check.quiet': 'Ne signaler que les erreurs (les alertes ne sont ni affichées ni comptées, comme avec ESLint)',
  'check.maxWarnings': 'Sortir avec le code 1 au-delà de ce nombre d’alertes',
  'check.exitZero': 'Sortir avec le code 0 même en cas d’erreurs (toujours 2 si un fichier est illisible)',
  'check.delimiter': 'Séparateur CSV (par défaut\u00A0: deviné parmi ; , | et la tabulation, « tab »)',
  'check.encoding': 'Encodage des fichiers lus (par défaut\u00A0: BOM, sinon UTF-8, sinon Windows-1252)',
  'check.map': 'Lire un champ dans cette colonne, par exemple --map total="Montant dû" (répétable)',
  'check.dateOrder': 'Ordre des dates numériques comme 03/04/2024',
  'check.today': 'Vérifier comme si nous étions à cette date (pour « émise dans le futur »)',
  'check.jobs':
    'Fils d’exécution qui lisent un fichier CSV de plus de 16 Mo (par défaut\u00A0: 2 sur 2 cœurs\u00A0; 1\u00A0: un seul)',
  'check.after': CHECK_AFTER,
  'rules.description': 'Lister toutes les règles avec leur gravité par défaut et ce qu’elles signalent',
  'rules.after': "\nExemples\u00A0:\n  $ billcheck rules\n  $ billcheck rules --format json | jq -r '.rules[].id'",
  'explain.description':
    'Afficher la documentation d’une règle\u00A0: ce qu’elle signale, pourquoi, que faire, ses options',
  'explain.after': '\nExemple\u00A0:\n  $ billcheck explain dunning-trivial-amount',
  'extract.description': 'Afficher en JSON les documents que billcheck a compris (pour le débogage et les scripts)',
  'extract.after':
    '\nExemples\u00A0:\n  $ billcheck extract facture.txt\n' +
    '  $ billcheck extract facture.pdf        dit aussi s’il contient un XML Factur-X / ZUGFeRD\n' +
    "  $ billcheck extract factures.csv | jq '.documents[] | {id, total}'",
  'letter.description': 'Rédiger la lettre de réclamation sur les problèmes d’un compte, et suivre les recours',
  'letter.account': 'Le compte concerné (nécessaire quand plusieurs comptes ont des problèmes)',
  'letter.lang': 'Langue de la lettre (par défaut\u00A0: celle des factures)',
  'letter.from':
    'Vos coordonnées\u00A0: JSON ou lignes « clé: valeur » (name, address, city, customerNumber, contract, email, phone)',
  'letter.stage':
    '1\u00A0: réclamation\u00A0; 2\u00A0: au service consommateurs\u00A0; mediator\u00A0: saisine du médiateur',
  'letter.sent':
    'Date d’un courrier déjà envoyé\u00A0: la réclamation, puis la lettre au service consommateurs (répétable)',
  'letter.status': 'Afficher ce qui peut être fait ensuite, à partir de quand et jusqu’à quand',
  'letter.country': 'Droit et recours à citer (par défaut\u00A0: selon les factures)',
  'letter.output': 'Écrire la lettre dans ce fichier',
  'letter.today': 'Dater la lettre de ce jour',
  'letter.after': LETTER_AFTER,
};
