/** `billcheck letter --status`: what the person may do next, from which date, and until when. */
import type { Jurisdiction, LetterLang } from './demands.js';
import type { EscalationStep, SentLetters } from './escalation.js';
import { escalationSteps } from './escalation.js';
import { SOURCES } from './sources.js';
import { longDate } from './words.js';

function stepLine(step: EscalationStep, lang: LetterLang, today: string): string {
  const date = longDate(step.date, lang);
  const fr = lang === 'fr';
  const open = step.date <= today;
  switch (step.step) {
    case 'consumer-service':
      return fr
        ? `Service consommateurs : vous pouvez lui écrire à partir du ${date}${open ? ' (c’est déjà possible)' : ''} si le service clients n’a pas répondu, ou dès une réponse insatisfaisante.`
        : `Consumer service: you may write to it from ${date}${open ? ' (already possible)' : ''} if the customer service has not answered, or as soon as it answers unsatisfactorily.`;
    case 'mediator':
      return fr
        ? `Médiateur des communications électroniques (gratuit) : vous pouvez le saisir à partir du ${date}${open ? ' (c’est déjà possible)' : ''} faute de réponse satisfaisante.`
        : `Médiateur des communications électroniques (free): you may refer to it from ${date}${open ? ' (already possible)' : ''} without a satisfying answer.`;
    case 'mediator-deadline':
      return fr
        ? `La date limite pour saisir le Médiateur est le ${date} (un an après la réclamation écrite)${step.date < today ? ' : elle est dépassée' : ''}.`
        : `The deadline to refer to the Médiateur is ${date} (one year after the written complaint)${step.date < today ? ': it has passed' : ''}.`;
    case 'adr':
      return fr
        ? `Organisme ADR de l’opérateur : vous pouvez le saisir à partir du ${date}${open ? ' (c’est déjà possible)' : ''}, ou plus tôt si l’opérateur vous adresse une lettre de blocage (« deadlock letter »).`
        : `Your provider's ADR scheme: you may take the complaint to it from ${date}${open ? ' (already possible)' : ''}, or earlier if the provider sends you a deadlock letter.`;
  }
}

export function renderStatus(jurisdiction: Jurisdiction, sent: SentLetters, lang: LetterLang, today: string): string {
  const steps = escalationSteps(jurisdiction, sent);
  const fr = lang === 'fr';
  const out = [
    fr ? `Réclamation écrite du ${longDate(sent.first, lang)}` : `Written complaint of ${longDate(sent.first, lang)}`,
    ...(sent.second === undefined ? [] : [fr ? `Courrier au service consommateurs du ${longDate(sent.second, lang)}` : `Letter to the consumer service of ${longDate(sent.second, lang)}`]),
    '',
    ...steps.map((step) => stepLine(step, lang, today)),
  ];
  const sources = [...new Set(steps.flatMap((step) => step.sources))];
  out.push('', fr ? 'Sources :' : 'Sources:', ...sources.map((id) => `- ${SOURCES[id].title}${fr ? ' : ' : ': '}${SOURCES[id].url}`));
  return `${out.join('\n')}\n`;
}
