import type { BillingDocument } from '../model/document.js';
import type { InvalidInputEvent } from '../model/input.js';
import { FatalInputError } from '../model/input.js';
import type { InputOptions } from '../parse/index.js';
import { parseInputBatches } from '../parse/index.js';
import { ExtractWriter } from '../report/extract.js';
import { FileReadings } from '../report/result.js';
import { printable, terminalSafeJson } from '../report/sanitize.js';
import type { ResolvedInput, SkippedEntry } from '../check/inputs.js';
import { summarizeSkipped } from '../check/inputs.js';
import { skippedLine } from '../report/text.js';
import type { Output } from './io.js';
import { EXIT_FAILURE, EXIT_OK } from './io.js';
import { ERROR_PREFIX, fatalLine } from './errors.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { said, usageText } from '../i18n/usage.js';

/** `billcheck extract`: what billcheck understood of each input, as JSON. */
export async function runExtract(
  inputs: readonly ResolvedInput[],
  options: InputOptions,
  streams: { stdout: Output; warn: (line: string) => void },
  lang: Lang = DEFAULT_LANG,
): Promise<number> {
  // Documents are written as they are read; the rows that could not be read and how each file
  // was read come at the end.
  const writer = new ExtractWriter();
  const invalid: InvalidInputEvent[] = [];
  const readings = new FileReadings();
  const write = (text: string): Promise<void> => streams.stdout.offer(terminalSafeJson(text));
  let failed = false;
  await write(writer.head());
  const skipped: SkippedEntry[] = [];
  const skippedPart = (part: { file: string; reason: string }): void =>
    streams.warn(
      `${ERROR_PREFIX}${printable(usageText(said('extract.skipped', { file: part.file, reason: part.reason }), lang))}`,
    );
  for (const input of inputs) {
    if ('skipped' in input) {
      skipped.push(input.skipped);
      continue;
    }
    try {
      if ('problem' in input) throw input.problem;
      for await (const batch of parseInputBatches(input.source, options, skippedPart)) {
        const documents: BillingDocument[] = [];
        for (const event of batch) {
          if (event.type === 'document') documents.push(event.document);
          else if (event.type === 'invalid') invalid.push(event);
          else readings.add(event);
        }
        await write(writer.documents(documents));
      }
    } catch (error) {
      if (!(error instanceof FatalInputError)) throw error;
      failed = true;
      streams.warn(fatalLine(error.file, error.message, lang));
    }
  }
  // The documents carry input text as it was: C1 controls and bidi overrides are escaped like in the JSON report.
  await write(writer.tail(invalid, readings.list()));
  // extract's JSON is the documents alone: what directory walks left out is said on stderr.
  const line = skipped.length === 0 ? undefined : skippedLine(summarizeSkipped(skipped), lang);
  if (line !== undefined) streams.warn(`${ERROR_PREFIX}${line}`);
  return failed ? EXIT_FAILURE : EXIT_OK;
}
