/**
 * Findings of a streamed report (ndjson, csv) held until the run's identity join is known, so
 * that their `account` is the joined account's name, as in the text and JSON reports (issue 13):
 * a document rule's finding is made while its file is read, and the documents that join its
 * account may come later. Findings are small and flat; past a bound they wait in a temporary
 * file, one JSON line each, so that memory stays bounded however many a bill run makes.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EvidenceValue, Finding } from '../model/finding.js';

/** About 10 MB of findings in memory; the rest on disk. */
const DEFAULT_IN_MEMORY = 20_000;
const BATCH = 1000;

export class HeldFindings {
  private readonly inMemory: Finding[] = [];
  /** fd -1 once closed: a descriptor closed twice may by then be another file's, which the second close would shut. */
  private spill: { dir: string; file: string; fd: number } | undefined;
  private spilled = 0;

  constructor(private readonly limit: number = DEFAULT_IN_MEMORY) {}

  get size(): number {
    return this.inMemory.length + this.spilled;
  }

  add(batch: readonly Finding[]): void {
    for (const finding of batch) {
      if (this.inMemory.length < this.limit) {
        this.inMemory.push(finding);
        continue;
      }
      this.spill ??= openSpill();
      writeSync(this.spill.fd, `${JSON.stringify(finding)}\n`);
      this.spilled++;
    }
  }

  /** Every finding held, in the order they were made, in batches, leaving them held (to read them twice). */
  async *batches(): AsyncGenerator<readonly Finding[]> {
    for (let start = 0; start < this.inMemory.length; start += BATCH) yield this.inMemory.slice(start, start + BATCH);
    const spill = this.spill;
    if (spill === undefined) return;
    const lines = createInterface({ input: createReadStream(spill.file, 'utf8'), crlfDelay: Infinity });
    let batch: Finding[] = [];
    for await (const line of lines) {
      if (line === '') continue;
      batch.push(revive(line));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** Every finding held, in the order they were made, in batches; the temporary file is removed after. */
  async *drain(): AsyncGenerator<readonly Finding[]> {
    if (this.spill !== undefined) {
      // Written before it is read: the descriptor is closed first, once (see `spill`).
      closeSync(this.spill.fd);
      this.spill.fd = -1;
    }
    try {
      yield* this.batches();
    } finally {
      this.inMemory.length = 0;
      this.discard();
    }
  }

  /** Removes the temporary file, if any (a run that ends in an error). */
  discard(): void {
    const spill = this.spill;
    if (spill === undefined) return;
    this.spill = undefined;
    if (spill.fd !== -1) closeSync(spill.fd);
    rmSync(spill.dir, { recursive: true, force: true });
  }
}

function openSpill(): { dir: string; file: string; fd: number } {
  const dir = mkdtempSync(join(tmpdir(), 'billcheck-findings-'));
  const file = join(dir, 'findings.ndjson');
  return { dir, file, fd: openSync(file, 'wx', 0o600) };
}

/** A finding written by add(); its evidence gets back its null prototype (its keys are the rules'). */
function revive(line: string): Finding {
  const parsed = JSON.parse(line) as Finding;
  const evidence = Object.assign(Object.create(null) as Record<string, EvidenceValue>, parsed.evidence);
  return { ...parsed, evidence };
}
