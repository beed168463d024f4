/**
 * A parsing worker: reads one byte range of a large CSV file (behind a copy of its header), runs
 * the document rules on what it reads, and sends back findings and compact account entries. The
 * main thread runs the account rules over the entries of all workers.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { toAccountEntry } from '../engine/account-entry.js';
import { configureRules } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { EntryEncoder } from '../engine/entry-codec.js';
import type { AmountStyle } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { FatalInputError } from '../model/input.js';
import { parseCsvBatches } from '../parse/csv.js';
import { RULES } from '../rules/index.js';
import type { WorkerJob, WorkerMessage } from './parallel-job.js';
import { deserializeConfig } from './parallel-job.js';

/** Entries per message: enough to make the cost of a message negligible, few enough to stream. */
const ENTRIES_PER_MESSAGE = 8192;

async function* rangeBytes(job: WorkerJob): AsyncGenerator<Buffer> {
  if (job.header !== undefined) yield Buffer.from(job.header);
  if (job.end <= job.start) return;
  for await (const chunk of createReadStream(job.path, { start: job.start, end: job.end - 1, highWaterMark: 1 << 16 })) {
    yield chunk as Buffer;
  }
}

async function run(job: WorkerJob, post: (message: WorkerMessage) => void): Promise<void> {
  const configured = configureRules(RULES, deserializeConfig(job.config), new Map(job.ruleLevels));
  const engine = new Engine({ rules: Engine.documentRulesOf(configured), today: job.today });
  const encoder = new EntryEncoder();
  let findings: Finding[] = [];
  let documents = 0;
  let rows = 0;
  let style: AmountStyle | undefined;
  const flush = (): void => {
    post({ type: 'batch', findings, entries: encoder.take(), documents, rows, style });
    findings = [];
    documents = 0;
    rows = 0;
  };
  const options = {
    file: job.file,
    lineOffset: job.lineOffset,
    ...(job.input.delimiter === undefined ? {} : { delimiter: job.input.delimiter }),
    ...(job.input.encoding === undefined ? {} : { encoding: job.input.encoding }),
    ...(job.input.columnMap === undefined ? {} : { columnMap: new Map(job.input.columnMap) }),
    ...(job.input.dateOrder === undefined ? {} : { dateOrder: job.input.dateOrder }),
  };
  try {
    for await (const batch of parseCsvBatches(rangeBytes(job), options)) {
      for (const event of batch) {
        if (event.type === 'document') {
          const doc = event.document;
          documents++;
          rows += doc.rows;
          style ??= doc.amountStyle;
          engine.addDocument(doc, findings);
          encoder.add(toAccountEntry(doc));
        } else {
          rows += event.rows;
          findings.push(engine.addInvalid(event));
        }
      }
      if (encoder.size >= ENTRIES_PER_MESSAGE) flush();
    }
    flush();
    post({ type: 'done' });
  } catch (error) {
    flush();
    if (error instanceof FatalInputError) post({ type: 'fatal', message: error.message });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
}

if (parentPort !== null) {
  const port = parentPort;
  void run(workerData as WorkerJob, (message) => port.postMessage(message));
}
