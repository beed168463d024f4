/**
 * A parsing worker: reads one byte range of a large CSV file (behind a copy of its header), runs
 * the document rules on what it reads, and sends back findings and compact account entries. The
 * main thread runs the account rules over the entries of all workers.
 */
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
import { deserializeConfig, rangeBytes, rangeCsvOptions } from './parallel-job.js';

/** Entries per message: enough to make the cost of a message negligible, few enough to stream. */
const ENTRIES_PER_MESSAGE = 8192;

async function run(job: WorkerJob, post: (message: WorkerMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const configured = configureRules(RULES, deserializeConfig(job.config), new Map(job.ruleLevels));
  const engine = new Engine({ rules: Engine.documentRulesOf(configured), today: job.today });
  const encoder = new EntryEncoder();
  let findings: Finding[] = [];
  let documents = 0;
  let rows = 0;
  let style: AmountStyle | undefined;
  const flush = (): void => {
    const entries = encoder.take();
    post({ type: 'batch', findings, entries, documents, rows, style }, [entries.numbers.buffer as ArrayBuffer]);
    findings = [];
    documents = 0;
    rows = 0;
  };
  try {
    for await (const batch of parseCsvBatches(rangeBytes(job), rangeCsvOptions(job))) {
      for (const event of batch) {
        if (event.type === 'document') {
          const doc = event.document;
          documents++;
          rows += doc.rows;
          style ??= doc.amountStyle;
          engine.checkDocument(doc, findings);
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
  void run(workerData as WorkerJob, (message, transfer) => port.postMessage(message, transfer));
}
