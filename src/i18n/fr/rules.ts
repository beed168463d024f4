/**
 * The rules in French: descriptions, documentation and messages, keyed by rule id and message id.
 * Wording follows French operators' customer services and service-public.fr: « facture », « avoir »,
 * « relance », « mise en demeure », « montant TTC », « échéance », « résiliation », and « vous ».
 * Placeholders are the English ones (test/i18n/catalogue.test.ts holds them equal).
 */
import type { MessageData, MessageValue } from '../../engine/rule.js';
import type { RuleCatalogue } from '../catalogue.js';

/** "5.5" → "5,5": rates and other decimal strings a rule puts in its data, written the French way. */
function frenchDecimal(value: MessageValue): MessageValue {
  if (typeof value === 'string') return /^-?\d+\.\d+$/.test(value) ? value.replace('.', ',') : value;
  if (Array.isArray(value)) return (value as readonly string[]).map((item) => frenchDecimal(item) as string);
  return value;
}

/** The data with some values rewritten (a null-prototype copy: keys are the rule's own). */
function withValues(data: MessageData, values: Readonly<Record<string, MessageValue>>): MessageData {
  const out: Record<string, MessageValue> = Object.create(null);
  Object.assign(out, data, values);
  return out;
}

export const FR_RULES: RuleCatalogue = {
  'amount-ceiling': {
    description: 'Le total d’une facture dépasse un plafond (par défaut 10 000,00, en EUR, USD, GBP ou CHF).',
    docs: {
      why: 'Une facture de 149 000 € sur une ligne de particulier, un cas réel, vient d’une erreur d’unité ou de tarification, pas de votre consommation. La payer, ou la laisser partir en prélèvement automatique, est difficile à rattraper.',
      whatToDo:
        'Faites suspendre tout prélèvement pour cette facture, contestez-la par écrit auprès de l’opérateur et demandez le détail des communications qui justifie le montant.',
      options: {
        max: 'Les totaux de facture strictement supérieurs à ce montant sont signalés (dans la devise du document). Relevez-le pour des comptes professionnels.',
        currencies:
          'Seules les factures dans ces devises sont vérifiées. Un même plafond ne convient pas à toutes les devises : 10000 est une facture énorme pour un particulier en euros, dollars, livres ou francs suisses, une facture ordinaire en roupies indiennes ou en yens. Pour vérifier une autre devise, ajoutez-la et fixez un `max` qui lui convient (une configuration par devise quand elles diffèrent autant).',
      },
    },
    messages: {
      aboveCeiling: 'Le total de la facture, {{amount}}, dépasse le plafond de {{max}}.',
    },
  },
  'amount-due-mismatch': {
    description: 'Le montant à payer n’est pas le total moins le montant déjà payé plus l’arrondi (EN 16931 BR-CO-16).',
    docs: {
      why: 'Une facture électronique indique son total TTC (BT-112), ce qui a déjà été payé (BT-113, un acompte ou un paiement d’avance) et un arrondi (BT-114) ; le montant à payer (BT-115) doit en découler. Un autre montant à payer est ce que l’on demande à l’acheteur de régler : l’erreur coûte de l’argent, un acompte non déduit est payé deux fois.',
      whatToDo:
        'Payez le total moins ce que vous avez déjà payé, et demandez au vendeur de corriger le montant à payer (une facture rectificative, type 384).',
      basis:
        'EN 16931-1 BR-CO-16 (BT-115 = BT-112 − BT-113 + BT-114), arrondi à deux décimales comme le font les artefacts de validation EN 16931 ; l’extension XRechnung ajoute ses paiements de tiers (BR-DEX-09 : + Σ BT-DEX-002). Vérifié seulement sur les documents dont le format définit ainsi le montant à payer (factures électroniques) : sur une facture imprimée, le montant à payer peut reprendre un solde antérieur.',
    },
    messages: {
      amountDueMismatch:
        'Total {{total}} − déjà payé {{paid}} + arrondi {{rounding}} = {{expected}}, mais le montant à payer indiqué est {{amountDue}} (écart {{difference}}).',
      amountDueWithThirdPartyMismatch:
        'Total {{total}} − déjà payé {{paid}} + arrondi {{rounding}} + paiements de tiers {{thirdParty}} = {{expected}}, mais le montant à payer indiqué est {{amountDue}} (écart {{difference}}).',
    },
  },
  'amount-spike': {
    description:
      'Le total d’une facture dépasse de loin l’historique du compte (la médiane de ses factures précédentes).',
    docs: {
      why: 'Un opérateur peut facturer une année de mois à 40 € puis 149 000 € : une erreur de tarification ou d’unité qu’aucun client n’aurait pu provoquer. Comparer chaque facture avec ce que coûte habituellement la même ligne la repère même quand le montant reste sous tout plafond fixe.',
      whatToDo:
        'Comparez la facture avec les précédentes et avec votre consommation ; contestez-la par écrit et demandez le détail qui justifie le montant avant de payer.',
      options: {
        factor: 'Un total est anormal quand il dépasse plus de ce nombre de fois la médiane des factures précédentes.',
        minHistory:
          'Nombre de factures précédentes (avec un total, dans la même devise) dont le compte a besoin avant qu’une facture soit jugée.',
        minIncrease:
          'L’écart avec la médiane doit aussi dépasser ce montant, pour que 2 € après des mois à 0,15 € ne soient pas signalés.',
      },
    },
    messages: {
      spike: '{{amount}}, c’est {{ratio}} fois la médiane des {{history}} factures précédentes, {{median}}.',
      spikeAfterOne: '{{amount}}, c’est {{ratio}} fois la seule facture précédente, {{median}}.',
    },
  },
  'billed-after-termination': {
    description:
      'Une facture porte sur une période postérieure à la résiliation du contrat, ou arrive longtemps après sans période.',
    docs: {
      why: 'Des clients qui ont résilié leur contrat continuent de recevoir des factures, puis des relances, pour un service qui n’existe plus. Chacune doit être contestée, et celles qui restent impayées partent au recouvrement.',
      whatToDo:
        'Envoyez à l’opérateur la demande de résiliation ou sa confirmation, contestez la facture par écrit et faites arrêter tout prélèvement automatique.',
      basis:
        'Code de la consommation, article L224-39 : la résiliation d’un contrat de communications électroniques prend effet dans les dix jours suivant la réception de la demande par l’opérateur, sauf si le consommateur demande une date plus tardive. billcheck retient la date d’effet de la résiliation elle-même, sinon sa date plus dix jours.',
      options: {
        graceDays:
          'Une facture sans période est signalée quand elle est émise plus de ce nombre de jours après la date d’effet (la marge d’une facture de clôture).',
      },
    },
    messages: {
      periodAfter:
        'La facture porte sur une période commençant le {{periodStart}}, après la prise d’effet de la résiliation le {{effectiveDate}}.',
      issuedAfter:
        'La facture a été émise le {{issueDate}}, plus de {{graceDays}} jours après la prise d’effet de la résiliation le {{effectiveDate}}, et ne porte sur aucune période.',
    },
  },
  'blank-invoice': {
    description: 'Une facture n’a ni ligne ni montant, ou seulement des montants nuls.',
    docs: {
      why: 'Une facture vierge ne dit rien de ce qui est dû, et pourtant les systèmes de facturation l’envoient au recouvrement comme les autres : la vraie mise en demeure de 0,01 € était jointe à l’une d’elles. Elle cache aussi la facture que le client aurait dû recevoir.',
      whatToDo:
        'Demandez à l’opérateur la facture complète, ou la confirmation écrite que rien n’est dû pour cette période, avant de payer quoi que ce soit qu’elle sert à réclamer.',
    },
    messages: {
      empty: 'La facture n’indique aucun montant.',
      zero: 'La facture ne facture rien : tous ses montants sont nuls.',
    },
  },
  'collection-fee-charged': {
    description: 'Des frais de relance, de recouvrement ou de retard sont facturés à un consommateur.',
    docs: {
      why: 'Les opérateurs et leurs sociétés de recouvrement ajoutent des « frais de relance », des « frais de recouvrement » ou l’« indemnité forfaitaire pour frais de recouvrement » de 40 € aux dettes de consommateurs. Sans décision de justice ni autre titre exécutoire, les frais de recouvrement restent à la charge du créancier, et l’indemnité de 40 € ne s’applique qu’entre professionnels.',
      whatToDo:
        'Refusez de payer ces frais (réglez la part non contestée de la dette) et demandez par écrit à l’opérateur de les retirer, en citant l’article L111-8 du Code des procédures civiles d’exécution.',
      basis:
        'Code des procédures civiles d’exécution, article L111-8 (les frais de recouvrement engagés sans titre exécutoire restent à la charge du créancier ; toute stipulation contraire est réputée non écrite). L’indemnité de 40 € : Code de commerce, articles L441-10 et D441-5 (débiteurs professionnels seulement). Désactivez la règle pour des comptes professionnels.',
      options: {
        extraPatterns:
          'D’autres libellés de tels frais, recherchés dans les descriptions des lignes sans tenir compte de la casse, des accents ni de la ponctuation.',
      },
    },
    messages: {
      feeCharged: 'Des frais de recouvrement sont facturés au client : « {{description}} », {{amount}}.',
    },
  },
  'currency-mismatch': {
    description: 'Un même compte est facturé dans plusieurs devises.',
    docs: {
      why: 'Un compte est facturé dans une seule devise. Un document dans une autre est soit une erreur de données (un mauvais code de devise, un document classé sous le mauvais compte), soit une facture dont les montants ne peuvent pas être compensés avec les autres : avoirs, paiements et relances ne s’additionnent plus. La devise du compte est celle qu’utilisent la plupart de ses documents avec un montant (la plus ancienne en cas d’égalité) ; les documents sans aucun montant ne comptent pas.',
      whatToDo:
        'Vérifiez la devise indiquée sur le document. Si elle est juste, demandez à l’opérateur comment elle est convertie et imputée sur le reste du compte.',
    },
    messages: {
      otherCurrency: 'Ce document est en {{currency}}, alors que le compte est facturé en {{accountCurrency}}.',
    },
  },
  'date-inconsistency': {
    description:
      'Une date d’échéance antérieure à la date d’émission, une période qui finit avant de commencer, ou une date d’émission dans le futur.',
    docs: {
      why: 'Un paiement ne peut pas être exigible avant que la facture existe : des pénalités ou une relance fondées sur une telle échéance sont sans fondement. Une période qui finit avant de commencer ne peut pas être facturée, et un document daté dans le futur n’a pas été émis à la date qu’il prétend.',
      whatToDo:
        'Demandez à l’opérateur les dates exactes ; en attendant, comptez le délai de paiement à partir du jour où vous avez reçu la facture.',
      basis:
        'EN 16931 BR-29 et BR-30 (une période de facturation, de la facture ou d’une ligne, finit à sa date de début ou après). En France, une facture est datée de son émission (Code général des impôts, annexe II, article 242 nonies A) ; entre professionnels elle indique aussi la date de paiement (Code de commerce, article L441-9).',
      options: {
        futureDays:
          'Nombre de jours d’avance qu’une date d’émission peut avoir sur aujourd’hui avant d’être signalée. La valeur par défaut, 1, absorbe les fuseaux horaires : une facture émise juste après minuit à Paris ou à Nouméa est encore datée de demain en UTC.',
      },
    },
    messages: {
      dueBeforeIssue: 'La date d’échéance, le {{dueDate}}, précède la date d’émission, le {{issueDate}}.',
      periodEndsBeforeStart: 'La période de facturation finit le {{periodEnd}}, avant de commencer le {{periodStart}}.',
      issuedInFuture: 'La date d’émission, le {{issueDate}}, est dans le futur : nous sommes le {{today}}.',
    },
  },
  'dunning-amount-mismatch': {
    description: 'Une relance réclame un autre montant que ce que les factures auxquelles elle renvoie restent devoir.',
    docs: {
      why: 'Une relance doit réclamer ce que ses factures restent devoir à sa date : leurs totaux moins les avoirs et les paiements qui s’y rapportent, datés au plus tard du jour de la lettre. Une demande plus élevée signifie souvent qu’un avoir promis ou un paiement n’a pas été pris en compte, ou que des frais ont été ajoutés ; une demande plus faible, que la lettre et le compte ne concordent pas (souvent un paiement absent des données). La règle ne juge que les lettres dont toutes les factures figurent dans les données, dans une seule devise ; les lettres, avoirs et paiements sans date ne peuvent pas être placés et sont écartés. Une lettre pour des factures qui ne doivent plus rien relève de dunning-while-in-credit (des avoirs et des paiements les couvrent) et de dunning-for-blank-invoice (elles ne facturent rien). Les frais qu’une lettre ajoute sur des lignes à part (frais de recouvrement, pénalités, intérêts) ne font pas partie de la dette : la règle compare le reste de la demande avec ce qui est dû, et laisse les frais à collection-fee-charged.',
      whatToDo:
        'Listez les factures, avoirs et paiements derrière la lettre et demandez par écrit à l’opérateur d’expliquer l’écart avant de le payer.',
      basis:
        'Des frais de recouvrement ne peuvent pas être mis à la charge d’un consommateur sans titre exécutoire (Code des procédures civiles d’exécution, art. L111-8) ; seuls les intérêts de retard peuvent légitimement augmenter une demande (Code civil, art. 1231-6).',
      options: {
        tolerance:
          'Les écarts jusqu’à ce montant sont acceptés, par exemple des intérêts de retard (dans la devise de la lettre). Par défaut : exact au centime.',
        flagLowerDemands:
          'Signaler aussi les lettres qui réclament moins que ce qui est dû (souvent un paiement absent des données). false : seulement les demandes plus élevées.',
      },
    },
    messages: {
      demandsMore:
        'Une relance réclame {{demanded}}, mais il ne reste dû que {{owed}} sur {{invoices}} à sa date : {{difference}} de trop.',
      demandsLess:
        'Une relance réclame {{demanded}}, mais il reste dû {{owed}} sur {{invoices}} à sa date : {{difference}} de moins.',
      debtDemandsMore:
        'Une relance réclame {{debt}} au titre de la dette (en plus de {{fees}} de frais), mais il ne reste dû que {{owed}} sur {{invoices}} à sa date : {{difference}} de trop.',
      debtDemandsLess:
        'Une relance réclame {{debt}} au titre de la dette (en plus de {{fees}} de frais), mais il reste dû {{owed}} sur {{invoices}} à sa date : {{difference}} de moins.',
    },
  },
  'dunning-before-due': {
    description: 'Une relance est datée d’avant l’échéance d’une facture à laquelle elle renvoie.',
    docs: {
      why: 'Avant son échéance, une facture n’est pas en retard : une relance ou une mise en demeure envoyée plus tôt est une procédure de recouvrement lancée par erreur, et les frais ou menaces de suspension qu’elle porte n’ont pas de fondement. Une lettre datée du jour même de l’échéance n’est pas signalée.',
      whatToDo:
        'Payez la facture à son échéance comme d’habitude et demandez à l’opérateur de retirer la lettre et les frais qui l’accompagnent.',
      basis: 'Ce qui n’est dû qu’à terme ne peut être exigé avant l’échéance (Code civil, art. 1305-2).',
    },
    messages: {
      beforeDue:
        'Une relance datée du {{letterDate}} réclame la facture {{invoice}}, qui n’est exigible que le {{dueDate}}.',
    },
  },
  'dunning-for-blank-invoice': {
    description: 'Une relance renvoie à une facture vierge ou dont le total est nul.',
    docs: {
      why: 'Une relance ou une mise en demeure pour une facture qui ne facture rien réclame une dette qui n’existe pas ; la vraie mise en demeure de 0,01 € renvoyait à une facture vierge. Elle montre que le recouvrement tourne sans regarder la facture.',
      whatToDo:
        'Répondez par écrit que la facture citée ne facture rien, demandez à l’opérateur de retirer la lettre et d’arrêter tout recouvrement fondé sur elle.',
    },
    messages: {
      blankInvoice: 'Une relance réclame la facture {{invoiceId}}, qui ne facture rien.',
      blankInvoices: 'Une relance réclame {{count}} factures qui ne facturent rien : {{listed}}.',
    },
    adaptData: (data) =>
      typeof data.listed === 'string'
        ? withValues(data, { listed: data.listed.replace(/ and (\d+) more$/, ' et $1 autres') })
        : data,
  },
  'dunning-time-barred': {
    description: 'Une relance réclame une facture devenue exigible plus d’un an avant la lettre (CPCE L34-2).',
    docs: {
      why: 'Pour les services de communications électroniques, la créance de l’opérateur est prescrite quand elle n’a pas été réclamée dans l’année de son exigibilité. Une lettre qui réclame une telle somme demande de l’argent que le client peut ne plus devoir. Une facture devient exigible à sa date d’échéance, sinon à sa date d’émission ; l’année s’achève le même jour du mois un an plus tard (le 28 février pour un 29 février).',
      whatToDo:
        'Répondez par écrit que la créance est prescrite en vertu de l’article L34-2 du Code des postes et des communications électroniques. Vérifiez d’abord ce que les données ne peuvent pas montrer : une reconnaissance de dette, un paiement partiel ou une action en justice dans l’année interrompent le délai, et un opérateur peut soutenir qu’une relance antérieure dans l’année valait réclamation.',
      basis:
        'Code des postes et des communications électroniques, art. L34-2 (prescription d’un an à compter de l’exigibilité des sommes) ; Code de procédure civile, art. 641 (calcul d’un délai exprimé en années). Pour information, pas un conseil juridique.',
      options: {
        years:
          'Le délai en années entières, de 1 à 100 (1 selon le CPCE L34-2) ; une réclamation faite après son dernier jour est signalée.',
      },
    },
    messages: {
      timeBarred:
        'Une relance datée du {{letterDate}} réclame la facture {{invoice}}, exigible depuis le {{fellDue}} : la créance est prescrite depuis le {{barredSince}}.',
    },
  },
  'dunning-trivial-amount': {
    description: 'Une relance réclame moins qu’un montant dérisoire (par défaut 1,00).',
    docs: {
      why: 'Une relance ou une mise en demeure pour quelques centimes, comme le vrai cas à 0,01 €, est presque toujours un reliquat d’arrondi ou une facture vierge envoyée au recouvrement. Elle inquiète le client pour rien. Les frais qu’une agence de recouvrement ajoute sur des lignes à part (40 € de « frais de recouvrement » sur une dette de 0,01 €) ne rendent pas la dette moins dérisoire : la règle juge la demande sans eux.',
      whatToDo:
        'Demandez à l’opérateur d’annuler la lettre et d’expliquer de quelle facture vient le montant ; rien n’est dû tant qu’il ne l’a pas fait.',
      options: {
        minAmount: 'Les demandes strictement inférieures à ce montant sont signalées (dans la devise du document).',
      },
    },
    messages: {
      trivial: 'Une relance réclame {{amount}}, moins de {{minAmount}}.',
      trivialDebt:
        'Une relance réclame {{amount}} au titre de la dette, moins de {{minAmount}}, en plus de {{fees}} de frais.',
    },
  },
  'dunning-while-in-credit': {
    description: 'Une relance est envoyée alors que des avoirs et des paiements couvrent ce qui a été facturé.',
    docs: {
      why: 'Un client à qui l’on a promis un avoir, et qui l’a reçu, ne devrait pas recevoir ensuite une relance pour le montant même que cet avoir annule. Ces lettres viennent de systèmes de recouvrement qui ne voient pas les avoirs, et elles mènent à des frais, des coupures de service et des sociétés de recouvrement pour une somme qui n’est pas due.',
      whatToDo:
        'Répondez à la lettre par écrit avec les références de l’avoir ou du paiement et demandez à l’opérateur de la retirer ; gardez la preuve de l’avoir et des paiements.',
    },
    messages: {
      covered:
        'Une relance réclame {{claimed}} alors que des avoirs et paiements de {{credited}} qui s’y rapportent couvrent déjà les {{billed}} facturés.',
      inCredit:
        'Une relance a été envoyée alors que le compte ne devait rien : {{credited}} d’avoirs ou de paiements pour {{billed}} facturés à sa date.',
      markedPaid: 'Une relance réclame {{claimed}}, dont les documents de l’opérateur indiquent eux-mêmes le paiement.',
      creditMatchesDemand:
        'Une relance réclame {{billed}}, le montant de la facture {{invoice}}, alors qu’un avoir ou un paiement de {{credited}} émis depuis le couvre.',
      partlyCovered:
        'Une relance réclame {{claimed}}, alors que des avoirs et paiements de {{credited}} qui se rapportent {{covering}} couvrent déjà les {{billed}} facturés : cette part est réclamée alors qu’elle est soldée.',
    },
    // The rule writes "invoice FA-1" / "invoices FA-1, FA-2" into `claimed` (and `covering`); the lists say which.
    adaptData: (data) => {
      const references = data.references;
      if (!Array.isArray(references) || typeof data.claimed !== 'string') return data;
      const claimed = `${references.length === 1 ? 'la facture' : 'les factures'} ${references.join(', ')}`;
      const covered = data.coveredInvoices;
      if (!Array.isArray(covered) || typeof data.covering !== 'string') return withValues(data, { claimed });
      const covering = `${covered.length === 1 ? 'à la facture' : 'aux factures'} ${covered.join(', ')}`;
      return withValues(data, { claimed, covering });
    },
  },
  'duplicate-invoice': {
    description:
      'Le même numéro de facture deux fois avec un contenu différent, ou la même période et le même total facturés sous deux numéros.',
    docs: {
      why: 'Un numéro de facture identifie une seule facture : deux factures différentes sous un même numéro ne peuvent pas être justes toutes les deux, et la même période facturée deux fois pour le même total est souvent payée deux fois sans que personne ne le remarque. Une copie identique d’une facture (même numéro et même contenu, comme quand deux exports se recouvrent) n’est pas signalée, pas plus qu’une facture entièrement annulée par des avoirs puis émise de nouveau.',
      whatToDo:
        'Comparez les deux documents. Demandez à l’opérateur lequel est valable et un avoir pour l’autre ; si les deux ont été payés, demandez le remboursement du second paiement.',
      basis:
        'Un numéro de facture doit identifier la facture de façon unique (Code général des impôts, art. 242 nonies A ; EN 16931 BT-1). Un paiement fait deux fois sans être dû peut être récupéré (Code civil, art. 1302-1).',
    },
    messages: {
      differentContent: 'La facture {{id}} apparaît aussi en {{otherLocation}} avec un contenu différent.',
      samePeriodAndTotal:
        'La facture {{id}} facture la même période (du {{periodStart}} au {{periodEnd}}) et le même total ({{total}}) que la facture {{other}} en {{otherLocation}}.',
    },
  },
  'factur-x-page-mismatch': {
    description:
      'Le XML d’un PDF Factur-X / ZUGFeRD et sa page imprimée ne concordent pas sur le numéro, la date, le total ou le montant à payer.',
    docs: {
      why: 'Dans un PDF Factur-X, le XML joint est la facture que les logiciels lisent, comptabilisent et paient, tandis qu’une personne lit et approuve la page. Les validateurs EN 16931 ne vérifient que le XML : une facture dont la page indique un total et le XML un autre les passe sans erreur, et l’acheteur approuve un montant pour en payer un autre.',
      whatToDo:
        'Ne payez pas avant que le vendeur confirme quelle version est juste ; demandez un nouveau Factur-X dont la page et le XML concordent.',
      basis:
        'Spécification Factur-X 1.0 / ZUGFeRD 2 : la représentation visuelle PDF/A-3 et le XML doivent porter la même facture. En France, la facture est la donnée structurée de la réforme de la facturation électronique (CGI, article 289 bis).',
    },
    messages: {
      idMismatch: 'Le XML donne le numéro de facture {{xml}}, la page {{page}}.',
      issueDateMismatch: 'Le XML donne la date d’émission {{xml}}, la page {{page}}.',
      totalMismatch: 'Le XML donne un total TTC de {{xml}}, la page {{page}}.',
      amountDueMismatch: 'Le XML donne un montant à payer de {{xml}}, la page {{page}}.',
    },
  },
  'lines-total-mismatch': {
    description:
      'Les lignes ne s’additionnent pas au montant du document (EN 16931 BR-CO-10), au-delà de l’arrondi ligne par ligne.',
    docs: {
      why: 'Le total à payer doit être la somme des prestations détaillées. Sinon, soit une prestation manque au détail (le client paie quelque chose qu’on ne lui montre pas), soit le détail liste des prestations qui ne sont pas facturées.',
      whatToDo:
        'Additionnez vous-même les lignes, puis demandez à l’opérateur le détail manquant ou une facture rectificative.',
      basis:
        'EN 16931 BR-CO-10 (somme des montants nets des lignes = BT-106, exacte) ; BR-CO-13 et BR-CO-15 la reportent sur les totaux. En France, la facture doit indiquer chaque prestation et son prix (Code général des impôts, annexe II, article 242 nonies A).',
      options: {
        roundingPerLine:
          'Arrondi accepté pour chaque ligne après la première, dans la devise du document. Les opérateurs arrondissent chaque ligne, puis calculent la TVA (ou le HT, sur des prix TTC) une seule fois sur la somme ; chaque arrondi s’écarte d’au plus un demi-centime, ce qui ne fait jamais plus d’un centime par ligne supplémentaire. Un document d’une seule ligne doit concorder exactement.',
      },
    },
    messages: {
      totalMismatch:
        'Les lignes s’additionnent à {{sum}} TTC, mais le total du document est {{documentAmount}} (écart {{difference}}).',
      netMismatch:
        'Les lignes s’additionnent à {{sum}} HT, mais le montant HT du document est {{documentAmount}} (écart {{difference}}).',
      taxMismatch:
        'Les lignes s’additionnent à {{sum}} de TVA, mais la TVA du document est {{documentAmount}} (écart {{difference}}).',
      lineNetTotalMismatch:
        'Les lignes s’additionnent à {{sum}} HT, mais la somme des montants nets des lignes (BT-106) indique {{documentAmount}} (écart {{difference}}).',
    },
  },
  'negative-invoice': {
    description: 'Une facture (pas un avoir) a un total négatif.',
    docs: {
      why: 'Une facture indique ce que le client doit. Un total négatif signifie que l’opérateur doit de l’argent au client, ce qui est le rôle d’un avoir ; émis comme une facture, le crédit se perd facilement : il n’est pas remboursé, ou un traitement de paiement prend le montant pour une dette.',
      whatToDo:
        'Demandez à l’opérateur de confirmer que le montant est un crédit en votre faveur, et de le rembourser ou d’émettre un avoir ; vérifiez qu’aucun prélèvement n’est fait pour lui.',
      basis:
        'EN 16931 admet un total de facture négatif ; les crédits ont leur propre type de document, l’avoir (code UNTDID 1001 381).',
    },
    messages: {
      negativeTotal: 'Le total de la facture est négatif : {{total}}.',
    },
  },
  'net-total-mismatch': {
    description:
      'Le total HT n’est pas les lignes moins les remises plus les frais, ou ces totaux ne sont pas la somme de leurs éléments (EN 16931 BR-CO-11 à 13).',
    docs: {
      why: 'Une facture électronique indique la somme de ses lignes (BT-106), ses remises et frais au niveau du document un par un et au total (BT-107, BT-108), et le total HT (BT-109) qui en découle. Quand ils ne concordent pas, une remise promise sur la facture n’a pas été déduite, ou des frais qu’aucune ligne n’explique ont été ajoutés, et la TVA comme le montant à payer héritent de l’erreur.',
      whatToDo:
        'Recalculez le total HT à partir des lignes, remises et frais que la facture liste, et demandez au vendeur une facture rectificative (type 384) ou un avoir pour l’écart.',
      basis:
        'EN 16931-1 BR-CO-11 (BT-107 = Σ BT-92), BR-CO-12 (BT-108 = Σ BT-99), BR-CO-13 (BT-109 = BT-106 − BT-107 + BT-108), chacune arrondie à deux décimales comme le font les artefacts de validation EN 16931.',
    },
    messages: {
      allowancesMismatch:
        'Les remises au niveau du document s’additionnent à {{sum}}, mais leur total (BT-107) indique {{stated}} (écart {{difference}}).',
      chargesMismatch:
        'Les frais au niveau du document s’additionnent à {{sum}}, mais leur total (BT-108) indique {{stated}} (écart {{difference}}).',
      allowancesWithoutTotal:
        'La facture liste {{count}} remises au niveau du document ({{sum}}) mais n’indique aucun total des remises (BT-107).',
      chargesWithoutTotal:
        'La facture liste {{count}} frais au niveau du document ({{sum}}) mais n’indique aucun total des frais (BT-108).',
      netMismatch:
        'Lignes {{lineNetTotal}} − remises {{allowanceTotal}} + frais {{chargeTotal}} = {{expected}}, mais le total HT indiqué est {{net}} (écart {{difference}}).',
    },
  },
  'overlapping-period': {
    description:
      'Deux factures d’un même compte portent sur des périodes qui se chevauchent, avec des totaux différents.',
    docs: {
      why: 'Un abonnement se facture une fois par jour de service. Deux factures dont les périodes se chevauchent font payer deux fois les jours communs, sauf si la seconde est une correction dont l’avoir manque. Des périodes qui se suivent (1er–31 mars, puis 1er–30 avril) ne se chevauchent pas. La même période facturée deux fois pour le même total relève de duplicate-invoice.',
      whatToDo:
        'Vérifiez les dates de service sur les deux factures. Demandez à l’opérateur un avoir pour les jours facturés deux fois, ou l’avoir qui aurait dû annuler la première facture.',
      basis: 'Ce qui a été payé sans être dû peut être récupéré (Code civil, art. 1302-1).',
    },
    messages: {
      overlap:
        'La facture {{id}} porte sur la période du {{periodStart}} au {{periodEnd}}, qui chevauche la facture {{other}} (du {{otherPeriodStart}} au {{otherPeriodEnd}}, en {{otherLocation}}) : les jours du {{overlapStart}} au {{overlapEnd}} sont facturés deux fois.',
    },
  },
  'sub-cent-amount': {
    description: 'Un montant a plus de décimales que sa devise (EUR : 2, JPY : 0, KWD : 3).',
    docs: {
      why: 'Personne ne peut payer 12,345 €. Un montant avec plus de décimales que la devise signifie que le système de facturation a imprimé une valeur intermédiaire non arrondie ; le montant réellement prélevé sera arrondi quelque part, et les sommes de la facture peuvent ne plus concorder.',
      whatToDo:
        'Demandez à l’opérateur le montant arrondi qui sera prélevé, et vérifiez que les totaux concordent une fois arrondis.',
      basis:
        'Règles BR-DEC d’EN 16931 (au plus deux décimales pour les totaux du document, la ventilation de TVA et les montants nets des lignes) ; les unités mineures des devises de l’ISO 4217. Les prix unitaires peuvent avoir plus de décimales et ne sont pas vérifiés.',
    },
    messages: {
      subCent: 'Montants avec plus de {{decimals}} décimales, le maximum de la devise {{currency}} : {{amounts}}.',
      subCentMany:
        'Montants avec plus de {{decimals}} décimales, le maximum de la devise {{currency}} : {{amounts}} et {{more}} autres.',
    },
  },
  'total-mismatch': {
    description: 'Le HT plus la TVA diffère du total TTC (EN 16931 BR-CO-15), au centime près.',
    docs: {
      why: 'Le total TTC doit être le total HT plus la TVA : l’arrondi se fait quand chacun de ces montants est calculé, jamais dans l’addition. Une facture dont les trois montants ne concordent pas a été retouchée à la main ou calculée à partir de données différentes, et le montant à payer n’est pas fiable.',
      whatToDo:
        'Demandez à l’opérateur quel montant est juste et une facture rectificative ; en attendant, payez le plus petit montant cohérent.',
      basis:
        'EN 16931 BR-CO-15 (BT-112 = BT-109 + BT-110, exact). En France, la facture doit indiquer le total HT et la TVA par taux (Code général des impôts, annexe II, article 242 nonies A).',
      options: {
        tolerance:
          'Plus grand écart accepté entre HT + TVA et le total (devise du document). « 0.00 » : exact, comme l’exige BR-CO-15.',
      },
    },
    messages: {
      documentMismatch:
        'HT {{net}} + TVA {{tax}} = {{expected}}, mais le total indiqué est {{total}} (écart {{difference}}).',
      lineMismatch:
        'Ligne {{line}} (« {{description}} ») : HT {{net}} + TVA {{tax}} = {{expected}}, mais le total de la ligne indique {{total}} (écart {{difference}}).',
    },
  },
  'vat-breakdown-mismatch': {
    description:
      'La TVA ou la base d’imposition d’une ligne de ventilation de TVA ne découle pas de son taux et de ses lignes, ou la ventilation ne s’additionne pas au total de TVA (EN 16931 BR-CO-14, BR-CO-17, BR-S-08…).',
    docs: {
      why: 'Une facture électronique donne sa TVA par catégorie et par taux (BG-23) : la base d’imposition, le taux et la taxe. L’acheteur déduit cette TVA et le vendeur la déclare : une taxe qui n’est pas la base multipliée par le taux, une base qui n’est pas la somme des lignes de la catégorie, ou une ventilation qui ne s’additionne pas au total de TVA (BT-110) signifie un montant de TVA que l’un des deux déclare mal.',
      whatToDo:
        'Recalculez la taxe de chaque catégorie à partir de ses lignes et de son taux ; demandez au vendeur une facture rectificative avant de déduire la TVA.',
      basis:
        'EN 16931-1 BR-CO-14 (BT-110 = Σ BT-117), BR-CO-17 (BT-117 = BT-116 × BT-119 / 100, arrondi ; les artefacts de validation acceptent moins d’une unité d’écart), BR-S-08 (par taux normal, BT-116 = Σ BT-131 + Σ BT-99 − Σ BT-92, à une unité près), BR-Z-08, BR-E-08, BR-AE-08, BR-IC-08, BR-G-08, BR-O-08 (la même somme par catégorie, exacte).',
    },
    messages: {
      taxTotalMismatch:
        'La ventilation de TVA s’additionne à {{sum}}, mais le total de TVA (BT-110) indique {{tax}} (écart {{difference}}).',
      rateMismatch:
        'Catégorie de TVA {{category}} à {{rate}} % : {{taxableAmount}} × {{rate}} % = {{expected}}, mais la ventilation indique {{taxAmount}}.',
      basisMismatch:
        'Catégorie de TVA {{category}}{{rateText}} : les lignes, frais et remises de la catégorie s’additionnent à {{expected}}, mais la ventilation indique {{taxableAmount}}.',
    },
    // The rule writes " at 20 %" into `rateText`.
    adaptData: (data) =>
      typeof data.rateText === 'string'
        ? withValues(data, {
            rate: frenchDecimal(data.rate),
            rateText: data.rateText.replace(/^ at (-?\d+)\.(\d+)/, ' à $1,$2').replace(/^ at /, ' à '),
          })
        : withValues(data, { rate: frenchDecimal(data.rate) }),
  },
  'vat-rate-mismatch': {
    description:
      'La TVA ne s’explique par aucun taux du pays de la facture (quand il est connu ; sinon les taux français 20, 10, 5,5, 2,1 et 0, sur les factures en EUR), à l’arrondi près d’une facture TTC.',
    docs: {
      why: 'Une TVA à un mauvais taux, ou calculée sur une autre base que celle imprimée, signifie que le client paie un mauvais montant et ne peut ni récupérer ni vérifier la TVA. Les arrondis ne sont pas des erreurs : une facture à 39,99 € TTC avec 33,33 € HT et 6,66 € de TVA est juste, la règle accepte donc la taxe calculée sur le HT comme celle déduite d’un prix TTC, chacune arrondie ligne par ligne. Les taux changent d’un pays à l’autre (19 % en Allemagne, 21 % aux Pays-Bas, 23 % en Pologne) : une facture dont les données indiquent le pays est vérifiée avec les taux de ce pays.',
      whatToDo:
        'Vérifiez quel taux chaque service doit porter (services de télécommunications en France : 20 % ; certains contenus de presse ou de télévision inclus dans une offre à taux réduit) et demandez à l’opérateur la ventilation de la TVA par taux. Quand le message cite les taux d’un autre pays que celui de la facture, indiquez le pays à billcheck (une colonne « Pays » dans un export CSV) ou fixez `rates`.',
      basis:
        'EN 16931 BR-CO-17 (TVA par catégorie = base d’imposition × taux, arrondie à deux décimales). Le pays est celui qu’indiquent les données : une colonne de pays dans un export CSV ; dans une facture en texte, le préfixe du numéro de TVA du vendeur (FR, DE, NL…B01, BE0, ATU, GB…, un NIP polonais, un GSTIN indien), sinon la langue de ses libellés quand elle désigne un seul pays. Taux par pays : les taux normal, réduits et zéro en vigueur ; taux français : Code général des impôts, articles 278 (20 %), 278-0 bis à 279 (taux réduits, 5,5 % et 10 %) et 298 septies (2,1 %, presse), et la facture doit indiquer la TVA par taux (annexe II, article 242 nonies A) ; GST indienne : les tranches des notifications de taux du CGST Act, une paire CGST + SGST formant une tranche.',
      options: {
        rates:
          'Les taux appliqués aux documents dont le pays est inconnu (ou absent de la table), en pourcentage, sous forme de chaînes décimales ; par défaut ceux de la France. Pour un export d’un autre pays sans colonne de pays, fixez ses taux (Allemagne : ["19", "7", "0"] ; Pays-Bas : ["21", "9", "0"]), sinon chacune de ses factures est signalée. Une ligne qui déclare son propre taux est vérifiée avec ce taux.',
        useCountryRates:
          'Vérifier un document dont le pays est connu avec les taux de ce pays (FR, DE, AT, NL, BE, LU, IT, ES, PT, PL, GB, IE, CH, IN). false : `rates` s’applique à tous les documents, comme quand toutes les factures viennent d’un même pays.',
        currencies:
          'Les documents de pays inconnu ne sont vérifiés que dans ces devises (par défaut EUR, pour les taux français) : une facture dans une autre devise vient d’un autre système fiscal (la sales tax américaine, par exemple) que `rates` ne décrit pas. Un document dont le pays est dans la table est vérifié quelle que soit sa devise (PLN pour la Pologne, INR pour l’Inde).',
        tolerance:
          'Écart accepté entre la taxe et celle que donne un taux (devise du document) ; un centime absorbe l’arrondi d’un prix TTC.',
        roundingPerLine:
          'Écart supplémentaire accepté pour chaque ligne après la première, quand la TVA du document est comparée à celle de ses lignes arrondies une à une.',
      },
    },
    messages: {
      unexplained:
        'La TVA {{tax}} (HT {{net}}, TTC {{total}}) ne correspond à aucun des taux {{rates}} % ({{source}}).',
      unexplainedMix:
        'La TVA {{tax}} (HT {{net}}, TTC {{total}}) est supérieure au plus haut ou inférieure au plus bas des taux {{rates}} % ({{source}}), quel que soit le taux de chacune de ses {{lines}} lignes.',
      unexplainedAnyMix:
        'La TVA {{tax}} (HT {{net}}, TTC {{total}}) est supérieure au plus haut ou inférieure au plus bas des taux {{rates}} % ({{source}}), quelle que soit la combinaison de ces taux appliquée.',
      ratesMismatch: 'La TVA {{tax}} diffère de celle de ses lignes à leurs taux {{rates}} %, {{expected}}.',
      lineUnexplained:
        'Ligne {{line}} (« {{description}} ») : la TVA {{tax}} (HT {{net}}, TTC {{total}}) ne correspond à aucun des taux {{rates}} % ({{source}}).',
      lineRateMismatch:
        'Ligne {{line}} (« {{description}} ») : la TVA {{tax}} n’est pas celle du taux de {{rate}} % que déclare la ligne, qui donne {{expected}}.',
    },
    // The rule writes "rates of France, FR" or 'the "rates" option' into `source`.
    adaptData: (data) => {
      const source = typeof data.source === 'string' ? data.source : undefined;
      const country = source === undefined ? undefined : /^rates of .*, ([A-Z]{2})$/.exec(source)?.[1];
      const french =
        source === 'the "rates" option'
          ? 'l’option « rates »'
          : country === undefined
            ? source
            : `taux du pays ${country}`;
      // "20 ; 10 ; 5,5 %": with decimal commas, a list needs another separator.
      const rates = frenchDecimal(data.rates);
      const list = Array.isArray(rates) ? (rates as readonly string[]).join(' ; ') : rates;
      return withValues(data, { rates: list, rate: frenchDecimal(data.rate), source: french });
    },
  },
  'invalid-input': {
    description: 'Une ligne ou un texte illisible : son fichier, sa ligne, sa colonne et sa valeur, et pourquoi.',
    docs: {
      why: 'Une facture illisible ne peut pas être vérifiée : l’écarter sans rien dire donnerait un rapport propre alors qu’une ligne, peut-être celle à 149 000 €, n’a jamais été regardée. Chaque ligne de données aboutit à un document ou à ce signalement (lignes lues = lignes des documents + lignes signalées).',
      whatToDo:
        'Regardez la ligne indiquée : corrigez l’export (une ligne coupée, un montant avec des lettres, une date qui n’en est pas une), ou dites à billcheck comment la lire (--map CHAMP=COLONNE, --date-order, --delimiter, --encoding), puis relancez. Ce signalement ne peut pas être désactivé : une vérification qui saute les lignes illisibles n’en est pas une.',
    },
    messages: { invalid: '{{reason}} (colonne « {{column}} » : « {{value}} »)' },
  },
};
