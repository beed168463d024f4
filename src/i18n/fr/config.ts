/**
 * The config file's errors in French. The config loader (src/engine/config.ts) and the sender
 * file reader stay English, as the readers do (fr/reader.ts): their sentences are translated here
 * by their English wording; one not listed stays English. Keys, rule ids and values stay as typed.
 */
type Rewrite = readonly [RegExp, (m: RegExpExecArray) => string];

const SENTENCES: readonly Rewrite[] = [
  [/^cannot read the config file: (.*)$/s, (m) => `impossible de lire le fichier de configuration : ${m[1]}`],
  [
    /^a config file larger than 1 MB: not a billcheck config$/,
    () => 'un fichier de configuration de plus de 1 Mo : ce n’est pas une configuration de billcheck',
  ],
  [/^not valid JSON \((.*)\)$/s, (m) => `JSON invalide (${m[1]})`],
  [/^the config must be a JSON object$/, () => 'la configuration doit être un objet JSON'],
  [
    /^unknown key "(.*)" \(expected "rules", "letter" or "lang"\)$/s,
    (m) => `clé inconnue « ${m[1]} » (clés attendues : "rules", "letter" ou "lang")`,
  ],
  [
    /^"lang": "(.*)" is not a language of billcheck \((.*)\)$/s,
    (m) => `"lang" : « ${m[1]} » n’est pas une langue de billcheck (${m[2]})`,
  ],
  [
    /^"rules" must be an object of rule id → severity or settings$/,
    () => '"rules" doit être un objet : identifiant de règle → gravité ou réglages',
  ],
  [/^unknown rule "(.*)" \(see `billcheck rules`\)$/s, (m) => `règle inconnue « ${m[1]} » (voir billcheck rules)`],
  [/^"letter" must be an object with "from"$/, () => '"letter" doit être un objet avec "from"'],
  [
    /^letter: unknown key "(.*)" \(expected "from"\)$/s,
    (m) => `letter : clé inconnue « ${m[1]} » (clé attendue : "from")`,
  ],
  [
    /^(rules\.[^:]+): expected \[severity\] or \[severity, options\]$/,
    (m) => `${m[1]} : attendu [gravité] ou [gravité, options]`,
  ],
  [
    /^(rules\.[^:]+): unknown key "(.*)" \(expected "severity" or "options"\)$/s,
    (m) => `${m[1]} : clé inconnue « ${m[2]} » (clés attendues : "severity" ou "options")`,
  ],
  [
    /^(rules\.[^:]+): expected a severity \((.*)\) or an object$/,
    (m) => `${m[1]} : attendu une gravité (${m[2]}) ou un objet`,
  ],
  [/^(.+?): "(.*)" is not a severity \((.*)\)$/s, (m) => `${m[1]} : « ${m[2]} » n’est pas une gravité (${m[3]})`],
  [/^(.+?): expected an object$/, (m) => `${m[1]} : attendu un objet`],
  [
    /^(.+?): unknown option "(.*)" \(known: (.*)\)$/s,
    (m) => `${m[1]} : option inconnue « ${m[2]} » (options connues : ${m[3]})`,
  ],
  [
    /^(.+?): unknown option "(.*)" \(this rule has no options\)$/s,
    (m) => `${m[1]} : option inconnue « ${m[2]} » (cette règle n’a pas d’options)`,
  ],
  [
    /^(.+?): expected a decimal amount such as "(.*)"$/,
    (m) => `${m[1]} : attendu un montant décimal comme « ${m[2]} »`,
  ],
  [/^(.+?): expected a list of strings$/, (m) => `${m[1]} : attendu une liste de textes`],
  [/^(.+?): expected a (string|number|boolean)$/, (m) => `${m[1]} : attendu ${TYPES[m[2] as string] ?? m[2]}`],
  // The sender's details (letter.from in the config, or --from FILE).
  [/^unknown key "(.*)" \(keys: (.*)\)$/s, (m) => `clé inconnue « ${m[1]} » (clés : ${m[2]})`],
  [/^a value is longer than (\d+) characters$/, (m) => `une valeur dépasse ${m[1]} caractères`],
  [/^"(.*)" must be text or a list of lines$/, (m) => `« ${m[1]} » doit être un texte ou une liste de lignes`],
  [
    /^expected an object of name, address, city, customerNumber, contract, email, phone$/,
    () => 'attendu un objet avec name, address, city, customerNumber, contract, email, phone',
  ],
  [/^expected a JSON object$/, () => 'attendu un objet JSON'],
  [/^expected "key: value", not "(.*)"$/s, (m) => `attendu « clé: valeur », pas « ${m[1]} »`],
];

const TYPES: Readonly<Record<string, string>> = { string: 'un texte', number: 'un nombre', boolean: 'true ou false' };

/** A config (or sender file) sentence in French; "letter.from: …" keeps its prefix and translates the rest. */
export function frenchConfigText(text: string): string {
  const nested = /^(letter\.from): (.*)$/s.exec(text);
  if (nested !== null) return `${nested[1]} : ${frenchConfigText(nested[2] as string)}`;
  for (const [pattern, french] of SENTENCES) {
    const match = pattern.exec(text);
    if (match !== null) return french(match);
  }
  return text;
}
