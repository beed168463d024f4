/** `billcheck letter --status`: what the person may do next, from which date, and until when. */
import type { Jurisdiction, LetterLang } from './demands.js';
import type { EscalationStep, SentLetters } from './escalation.js';
import { escalationSteps } from './escalation.js';
import { SOURCES } from './sources.js';
import { say } from './stage-words.js';
import { longDate } from './words.js';

const STEP_WORDS: Readonly<Record<LetterLang, Readonly<Record<EscalationStep['step'], string>>>> = {
  fr: {
    'consumer-service':
      'Service consommateurs : vous pouvez lui écrire à partir du {{date}}{{open}} si le service clients ' +
      'n’a pas répondu, ou dès une réponse insatisfaisante.',
    mediator:
      'Médiateur des communications électroniques (gratuit) : vous pouvez le saisir à partir du {{date}}{{open}} faute de réponse satisfaisante.',
    'mediator-deadline':
      'La date limite pour saisir le Médiateur est le {{date}} (un an après la réclamation écrite){{passed}}.',
    adr:
      'Organisme ADR de l’opérateur : vous pouvez le saisir à partir du {{date}}{{open}}, ' +
      'ou plus tôt si l’opérateur vous adresse une lettre de blocage (« deadlock letter »).',
  },
  en: {
    'consumer-service':
      'Consumer service: you may write to it from {{date}}{{open}} if the customer service has not answered, ' +
      'or as soon as it answers unsatisfactorily.',
    mediator:
      'Médiateur des communications électroniques (free): without a satisfactory answer, you may refer the matter to it from {{date}}{{open}}.',
    'mediator-deadline':
      'The deadline to refer to the Médiateur is {{date}} (one year after the written complaint){{passed}}.',
    adr: "Your provider's ADR scheme: you may take the complaint to it from {{date}}{{open}}, or earlier if the provider sends you a deadlock letter.",
  },
};

const OPEN = { fr: ' (c’est déjà possible)', en: ' (already possible)' } as const;
const PASSED = { fr: ' : elle est dépassée', en: ': it has passed' } as const;

function stepLine(step: EscalationStep, lang: LetterLang, today: string, closed: boolean): string {
  return say(STEP_WORDS[lang][step.step], {
    date: longDate(step.date, lang),
    // Once the year is over, a step is no longer "already possible" (tryout: both were said at once).
    open: step.step !== 'mediator-deadline' && step.date <= today && !closed ? OPEN[lang] : '',
    passed: step.step === 'mediator-deadline' && step.date < today ? PASSED[lang] : '',
  });
}

export function renderStatus(jurisdiction: Jurisdiction, sent: SentLetters, lang: LetterLang, today: string): string {
  const steps = escalationSteps(jurisdiction, sent);
  const deadline = steps.find((step) => step.step === 'mediator-deadline')?.date;
  const closed = deadline !== undefined && deadline < today;
  const fr = lang === 'fr';
  const out = [
    fr ? `Réclamation écrite du ${longDate(sent.first, lang)}` : `Written complaint of ${longDate(sent.first, lang)}`,
    ...(sent.second === undefined
      ? []
      : [
          say(fr ? 'Courrier au service consommateurs du {{date}}' : 'Letter to the consumer service of {{date}}', {
            date: longDate(sent.second, lang),
          }),
        ]),
    '',
    ...steps.map((step) => stepLine(step, lang, today, closed)),
  ];
  const sources = [...new Set(steps.flatMap((step) => step.sources))];
  out.push(
    '',
    fr ? 'Sources :' : 'Sources:',
    ...sources.map((id) => `- ${SOURCES[id].title}${fr ? ' : ' : ': '}${SOURCES[id].url}`),
  );
  return `${out.join('\n')}\n`;
}
