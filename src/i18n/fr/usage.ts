/**
 * The usage errors in French, key for key with src/i18n/en/usage.ts; option names, values and
 * file names stay as typed. Quotes « » as French writes them.
 */
import type { UsageKey } from '../en/usage.js';
import type { Phrases } from '../phrases.js';

export const FR_USAGE: Phrases<UsageKey> = {
  'map.unknownField': '--map : champ inconnu « {{field}} » (champs : {{fields}})',
  'encoding.unknown': '--encoding : encodage inconnu « {{encoding}} » (par exemple utf-8, windows-1252, utf-16le)',
  'delimiter.notOne': '--delimiter attend un seul caractère ou tab, pas « {{text}} »',
  'delimiter.quote': '--delimiter ne peut pas être ", le caractère qui encadre les champs en CSV',
  'delimiter.lineBreak': '--delimiter ne peut pas être un saut de ligne ni un caractère NUL',
  'assignment.shape': '{{option}} attend {{shape}}, pas « {{text}} »',
  'rule.unknown': '--rule : règle inconnue « {{id}} » (billcheck rules en donne la liste)',
  'rule.level': '--rule {{id}} : « {{level}} » n’est pas une gravité ({{levels}})',
  'maxWarnings.notNumber': '--max-warnings attend un nombre entier, pas « {{text}} »',
  'maxWarnings.tooLarge': '--max-warnings {{text}} est trop grand (au plus {{max}})',
  'jobs.range': '--jobs attend un nombre de 1 à 16, pas « {{text}} »',
  'date.invalid': '{{option}} : « {{text}} » n’est pas une date ({{reason}})',
  'date.unreadable': '{{option}} : « {{text}} » n’est pas une date (écrivez-la aaaa-mm-jj, par exemple 2026-09-15)',
  'terminated.noAccount':
    '--terminated : aucun compte avant « = » dans « {{text}} » (indiquez COMPTE=DATE, ou DATE seule pour tous les comptes)',
  'stdin.twice': '- (l’entrée standard) est donné plusieurs fois : elle ne peut être lue qu’une fois',
  'input.none':
    'aucune entrée : indiquez les fichiers ou dossiers à vérifier, ou envoyez un export à billcheck - par un tube',
  'output.isInput': '-o {{path}} : c’est l’un des fichiers à vérifier ; écrivez le rapport ailleurs',
  'output.cannotOpen': 'impossible d’écrire le rapport dans {{path}} : {{reason}}',
  'output.failed': 'impossible d’écrire la sortie : {{reason}}',
  'open.ENOENT': 'son dossier n’existe pas',
  'open.noSuchFolder': 'le dossier {{folder}} n’existe pas',
  'open.notAFolder': '{{folder}} n’est pas un dossier',
  'open.EACCES': 'permission refusée',
  'open.EISDIR': 'c’est un dossier',
  'open.EROFS': 'système de fichiers en lecture seule',
  'write.ENOSPC': 'plus de place sur le périphérique (ENOSPC)',
  'write.EIO': 'erreur d’entrée/sortie (EIO)',
  'write.EDQUOT': 'quota de disque dépassé (EDQUOT)',
  'write.EBADF': 'la sortie standard est fermée (EBADF)',
  'letter.sentTooMany':
    '--sent prend au plus deux dates : la réclamation écrite, puis la lettre au service consommateurs',
  'letter.sentOrder': '--sent : donnez d’abord la réclamation écrite, puis la lettre au service consommateurs',
  'letter.sentFuture': '--sent {{date}} est postérieure à aujourd’hui ({{today}})',
  'letter.sentBeforeDocuments':
    '--sent {{date}} est antérieure à {{document}} du {{documentDate}}, le premier document que conteste le courrier : donnez la date d’envoi de votre réclamation écrite',
  'letter.stageNeedsSent': '--stage {{stage}} demande --sent DATE : la date de votre réclamation écrite',
  'letter.mediatorNeedsSent':
    '--stage mediator demande --sent DATE : la date de votre réclamation écrite ' +
    '(et un second --sent pour la lettre au service consommateurs, si vous l’avez écrite)',
  'letter.statusNeedsSent': '--status demande --sent DATE : la date de votre réclamation écrite',
  'letter.fromUnreadable': '--from {{file}} : impossible de le lire ({{code}})',
  'letter.fromInvalid': '--from {{file}} : {{reason}}',
  'letter.noSuchAccount': '--account {{account}} : aucun compte de ce nom dans les fichiers lus',
  'letter.noSuchAccountListed':
    '--account {{account}} : aucun compte de ce nom dans les fichiers lus (comptes avec des problèmes : {{list}})',
  'letter.severalAccounts': 'plusieurs comptes ont des problèmes ; choisissez-en un avec --account ID : {{list}}',
  'letter.accountCount': '{{account}} ({{count}} problèmes)',
  'letter.accountCountOne': '{{account}} (1 problème)',
  'letter.statusCountry':
    '--status : billcheck ne connaît que les recours de la France et du Royaume-Uni ; précisez-le avec --country FR|GB',
  'letter.mediatorCountry':
    '--stage mediator rédige une saisine du Médiateur des communications électroniques, qui est français : ' +
    'pour les autres pays, billcheck rédige les étapes 1 et 2 seulement (ou indiquez --country FR)',
  'letter.senderFrom': 'les coordonnées de l’expéditeur viennent de {{file}} (letter.from : {{keys}})',
  'extract.skipped': '{{file}} : ignoré : {{reason}}',
};
