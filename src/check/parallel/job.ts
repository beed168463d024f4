/**
 * What the main thread and a parsing worker exchange (structured-clone friendly: no Maps of Maps,
 * no classes), and how both read their byte range of the file.
 */
import { createReadStream } from 'node:fs';
import type { BillcheckConfig, RuleLevel, RuleSetting } from '../../engine/config.js';
import type { KnownTermination } from '../../engine/engine.js';
import type { Lang } from '../../i18n/lang.js';
import type { EncodedEntries } from '../../engine/entry-codec.js';
import type { OptionValue } from '../../engine/rule.js';
import type { AmountStyle } from '../../model/document.js';
import type { JoinedAccount } from '../../identity/join.js';
import type { Finding } from '../../model/finding.js';
import type { NoticeEvent } from '../../model/input.js';
import type { CsvOptions } from '../../parse/csv/index.js';
import type { ReaderConventions } from '../../parse/csv/rows.js';
import type { DateOrder } from '../../parse/values/dates.js';
import type { SentStoryEntry } from '../stories.js';
import { readError } from '../../parse/index.js';
import { READ_CHUNK_BYTES } from '../../parse/read-chunk.js';

/** One byte range of a file to read: a worker's, or the main thread's own. */
export interface RangeJob {
  readonly path: string;
  /** The name findings report. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly lineOffset: number;
  /** Put in front of the range (undefined for the first range, which holds the header itself). */
  readonly header: Uint8Array | undefined;
  readonly input: {
    readonly delimiter?: string;
    readonly encoding?: string;
    readonly columnMap?: [string, string][];
    readonly dateOrder?: DateOrder;
  };
  /** For every range but the first: what the first range's reader learned from the file's first rows. */
  readonly conventions?: ReaderConventions;
}

/** What a worker is started with: the rules as configured for the run, and its share of the accounts. */
export interface WorkerSetup {
  readonly config: SerializedConfig;
  readonly ruleLevels: [string, RuleLevel][];
  readonly today: string;
  readonly terminations: KnownTermination[];
  /** The language of the findings' messages (issue 20). */
  readonly lang?: Lang;
  /**
   * The worker keeps the accounts whose accountShard(account, 2) is 1 and runs the account
   * rules on them at the end; false: it keeps none and sends every entry to the main thread.
   */
  readonly keepsShard: boolean;
  /** The run's ContentLog directory: each worker writes its own file there (writer = its number + 1). */
  readonly contentDirectory: string;
  readonly contentWriter: number;
  /** The text report tells each account's story: the worker sends each document's story entry. */
  readonly tellsStories?: boolean;
}

/** What the main thread asks of a worker. */
export type WorkerRequest =
  | { readonly type: 'read'; readonly job: RangeJob }
  /** Entries of the worker's accounts, read elsewhere. */
  | { readonly type: 'entries'; readonly entries: EncodedEntries }
  /**
   * Every file is read (issue 13): the main thread's documents that name others, so that the
   * worker says which of its accounts bill what they name.
   */
  | {
      readonly type: 'identity';
      readonly referrers: Referrers;
      /** The hashes of the main thread's bill numbers, sorted: the worker says which of its accounts claim one too. */
      readonly billHashes: Int32Array;
    }
  /** The worker's accounts joined across threads, to give to the main thread with their joined accounts. */
  | { readonly type: 'give'; readonly accounts: string[] }
  /** Every file is read: run the account rules on the accounts kept; `files`, the run's files in the order read. */
  | { readonly type: 'finish'; readonly files: string[] };

/** Accounts whose documents name other documents, with those names. */
export type Referrers = [account: string, references: string[]][];

/** The range's bytes, behind a copy of the header for every range but the first. */
export async function* rangeBytes(job: RangeJob): AsyncGenerator<Buffer> {
  if (job.header !== undefined) yield Buffer.from(job.header);
  if (job.end <= job.start) return;
  try {
    for await (const chunk of createReadStream(job.path, {
      start: job.start,
      end: job.end - 1,
      highWaterMark: READ_CHUNK_BYTES,
    })) {
      yield chunk as Buffer;
    }
  } catch (error) {
    throw readError(job.file, error);
  }
}

export function rangeCsvOptions(job: RangeJob): CsvOptions {
  const { input } = job;
  return {
    file: job.file,
    lineOffset: job.lineOffset,
    ...(input.delimiter === undefined ? {} : { delimiter: input.delimiter }),
    ...(input.encoding === undefined ? {} : { encoding: input.encoding }),
    ...(input.columnMap === undefined ? {} : { columnMap: new Map(input.columnMap) }),
    ...(input.dateOrder === undefined ? {} : { dateOrder: input.dateOrder }),
    ...(job.conventions === undefined ? {} : { conventions: job.conventions }),
  };
}

/**
 * Documents (or unreadable rows) per batch a thread sends: enough to make a message's cost
 * negligible, few enough to stream. And few enough to die young: a batch holds its bill numbers
 * and account names as strings until it is sent, and 8 192 of them outlived two scavenges (about
 * 13 MB allocated each), which promoted 45 MB a thread to the old generation where 23 MB are
 * promoted at 2 048 (issue 19: many-accounts peaked 10 to 15 MB lower).
 */
export const EVENTS_PER_MESSAGE = 2048;

export type SerializedConfig = [string, { level?: RuleLevel; options?: [string, OptionValue][] }][];

export type WorkerMessage =
  | {
      readonly type: 'batch';
      readonly findings: Finding[];
      readonly entries: EncodedEntries;
      readonly documents: number;
      readonly rows: number;
      readonly style: AmountStyle | undefined;
      /** What the reader of this part noticed (row conflicts, repeated headers); its columns are the first part's. */
      readonly notices: NoticeEvent[];
      /** Set when the run tells stories (WorkerSetup.tellsStories). */
      readonly stories?: SentStoryEntry[];
    }
  | { readonly type: 'done' }
  | {
      readonly type: 'finished';
      readonly findings: Finding[];
      readonly accounts: number;
      /** This thread's joins (issue 13): raw names it renamed, and its accounts known under several names. */
      readonly renamed: [string, string][];
      readonly joined: JoinedAccount[];
      /** Bills read twice among this thread's accounts (engine/copies.ts): each copy's place and the kept one's. */
      readonly copies: [string, string][];
    }
  /** The worker's documents that name others, and its accounts that bill what the main thread's name or bill. */
  | {
      readonly type: 'identity';
      readonly referrers: Referrers;
      readonly claimants: string[];
      /** The worker's claims whose hash the main thread's bill numbers have: account and key, for the main thread to check. */
      readonly hashMatches: [account: string, key: string][];
    }
  /** The entries of the accounts given, taken out of the worker. */
  | { readonly type: 'given'; readonly entries: EncodedEntries }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'error'; readonly message: string; readonly stack?: string };

/** Shards of the accounts when a worker keeps some: 0 on the main thread, 1 in the worker. */
export const SHARDS = 2;
export const MAIN_SHARD = 0;

export type WorkerBatch = Extract<WorkerMessage, { readonly type: 'batch' }>;

export function serializeConfig(config: BillcheckConfig): SerializedConfig {
  return [...config.rules].map(([id, setting]) => [
    id,
    {
      ...(setting.level === undefined ? {} : { level: setting.level }),
      ...(setting.options === undefined ? {} : { options: [...setting.options] }),
    },
  ]);
}

export function deserializeConfig(serialized: SerializedConfig): BillcheckConfig {
  const rules = new Map<string, RuleSetting>();
  for (const [id, setting] of serialized) {
    rules.set(id, {
      ...(setting.level === undefined ? {} : { level: setting.level }),
      ...(setting.options === undefined ? {} : { options: new Map(setting.options) }),
    });
  }
  return { rules };
}
