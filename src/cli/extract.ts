import type { BillingDocument } from '../model/document.js';
import type { InvalidInputEvent } from '../model/input.js';
import { FatalInputError } from '../model/input.js';
import type { InputOptions } from '../parse/index.js';
import { parseInput } from '../parse/index.js';
import { renderExtract } from '../report/extract.js';
import { FileReadings } from '../report/result.js';
import { printable, terminalSafeJson } from '../report/sanitize.js';
import type { ResolvedInput } from '../check/inputs.js';
import type { Output } from './io.js';
import { EXIT_FAILURE, EXIT_OK } from './io.js';

/** `billcheck extract`: what billcheck understood of each input, as JSON. */
export async function runExtract(
  inputs: readonly ResolvedInput[],
  options: InputOptions,
  streams: { stdout: Output; warn: (line: string) => void },
): Promise<number> {
  const documents: BillingDocument[] = [];
  const invalid: InvalidInputEvent[] = [];
  const readings = new FileReadings();
  let failed = false;
  for (const input of inputs) {
    try {
      if ('problem' in input) throw input.problem;
      const skipped = (part: { file: string; reason: string }): void => streams.warn(`billcheck: ${printable(part.file)}: skipped: ${printable(part.reason)}`);
      for await (const event of parseInput(input.source, options, skipped)) {
        if (event.type === 'document') documents.push(event.document);
        else if (event.type === 'invalid') invalid.push(event);
        else readings.add(event);
      }
    } catch (error) {
      if (!(error instanceof FatalInputError)) throw error;
      failed = true;
      streams.warn(`billcheck: ${printable(error.file)}: ${printable(error.message)}`);
    }
  }
  // The documents carry input text as it was: C1 controls and bidi overrides are escaped like in the JSON report.
  await streams.stdout.write(terminalSafeJson(renderExtract(documents, invalid, readings.list())));
  return failed ? EXIT_FAILURE : EXIT_OK;
}
