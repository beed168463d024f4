/**
 * A worker of the pool in parallel.ts. It reads byte ranges of large CSV files (behind a copy of
 * their header) and runs the document rules on them, sending findings back to the main thread.
 * Account entries go where their account is checked: when the worker keeps a share of the
 * accounts (keepsShard), the entries of those stay here, with the ones the main thread sends, and
 * the worker runs the account rules on them when asked to finish; every other entry goes to the
 * main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { accountShard } from './account-shard.js';
import { toAccountEntry } from '../../engine/account-entry.js';
import { configureRules } from '../../engine/config.js';
import { Engine } from '../../engine/engine.js';
import { ContentLog } from '../../engine/content-log.js';
import { EntryEncoder } from '../../engine/entry-codec.js';
import type { AmountStyle } from '../../model/document.js';
import type { Finding } from '../../model/finding.js';
import { FatalInputError, type NoticeEvent } from '../../model/input.js';
import { parseCsvBatches } from '../../parse/csv/index.js';
import { RULES } from '../../rules/index.js';
import { MAX_STORY_DOCUMENTS, sentStoryEntryOf, type SentStoryEntry } from '../stories.js';
import type { RangeJob, WorkerMessage, WorkerRequest, WorkerSetup } from './job.js';
import { deserializeConfig, EVENTS_PER_MESSAGE, MAIN_SHARD, rangeBytes, rangeCsvOptions, SHARDS } from './job.js';

type Post = (message: WorkerMessage, transfer?: ArrayBuffer[]) => void;

class CheckWorker {
  private readonly engine: Engine;
  /** Entries for the main thread: one stream for the whole run. */
  private readonly toMain: EntryEncoder;
  private readonly content: ContentLog;
  /** The main thread's entries of this worker's accounts. */
  private readonly fromMain;
  /** Story entries sent, over every range this worker reads: a run of more documents tells no story, so past the bound none need be sent. */
  private storiesSent = 0;

  constructor(
    private readonly setup: WorkerSetup,
    private readonly post: Post,
  ) {
    const rules = configureRules(RULES, deserializeConfig(setup.config), new Map(setup.ruleLevels));
    this.content = ContentLog.inDirectory(setup.contentDirectory, setup.contentWriter);
    this.engine = new Engine({
      rules: setup.keepsShard ? rules : Engine.documentRulesOf(rules),
      today: setup.today,
      terminations: setup.terminations,
      content: this.content,
      ...(setup.lang === undefined ? {} : { lang: setup.lang }),
    });
    this.toMain = new EntryEncoder(this.content);
    this.fromMain = this.engine.entryDecoder();
  }

  handle(request: WorkerRequest): void {
    if (request.type === 'read') this.read(request.job).catch((error: unknown) => this.fail(error));
    else if (request.type === 'entries') this.engine.addEncodedEntries(this.fromMain, request.entries);
    else if (request.type === 'identity') {
      const { engine } = this;
      // Accounts that bill what the main thread's letters name, or a bill number it bills too (joined or in conflict there).
      this.post({
        type: 'identity',
        referrers: engine.identityReferrers(),
        claimants: engine.claimantsFor(request.referrers),
        hashMatches: engine.claimsOfHashes(request.billHashes),
      });
    } else if (request.type === 'give') this.give(request.accounts);
    else {
      this.engine.adoptFileOrder(request.files);
      this.finish();
    }
  }

  /** Accounts joined across threads (issue 13) go to the main thread whole, with what they join here. */
  private give(accounts: readonly string[]): void {
    const given = new Set(accounts);
    const moving = this.engine.joinedWith((account) => given.has(account));
    const encoder = new EntryEncoder(this.content);
    this.engine.takeAccounts((account) => moving.has(account), encoder);
    const entries = encoder.take();
    this.post({ type: 'given', entries }, [entries.numbers.buffer as ArrayBuffer]);
  }

  /** This thread's share of the account rules, and its accounts counted once joined (issue 13), as the main thread counts its own. */
  private finish(): void {
    const accounts = this.engine.accountCount;
    const findings = this.engine.finish();
    const identity = this.engine.identity;
    const joined = identity === undefined ? accounts : accounts - (identity.names.length - identity.groups);
    const renamed = identity?.renamed() ?? [];
    // File descriptors belong to the process, not to the thread: close the ones this log opened,
    // before the answer, on which the main thread stops this worker.
    this.content.close();
    this.post({
      type: 'finished',
      accounts: joined,
      findings,
      renamed,
      joined: [...(identity?.accounts.values() ?? [])],
      copies: this.engine.copyPairs,
    });
  }

  fail(error: unknown): void {
    this.post({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
  }

  private async read(job: RangeJob): Promise<void> {
    const { engine, toMain } = this;
    const keepsShard = this.setup.keepsShard;
    let findings: Finding[] = [];
    let documents = 0;
    let rows = 0;
    /** Documents and unreadable rows since the last batch: findings and counts stream by this, whichever thread keeps the entries. */
    let events = 0;
    let style: AmountStyle | undefined;
    let notices: NoticeEvent[] = [];
    const tellsStories = this.setup.tellsStories === true;
    let stories: SentStoryEntry[] = [];
    const flush = (): void => {
      const entries = toMain.take();
      const told = tellsStories ? { stories } : {};
      this.post({ type: 'batch', findings, entries, documents, rows, style, notices, ...told }, [
        entries.numbers.buffer as ArrayBuffer,
      ]);
      findings = [];
      notices = [];
      stories = [];
      documents = 0;
      rows = 0;
      events = 0;
    };
    try {
      for await (const batch of parseCsvBatches(rangeBytes(job), rangeCsvOptions(job))) {
        events += batch.length;
        for (const event of batch) {
          if (event.type === 'document') {
            const doc = event.document;
            documents++;
            rows += doc.rows;
            style ??= doc.amountStyle;
            if (tellsStories && this.storiesSent++ < MAX_STORY_DOCUMENTS) stories.push(sentStoryEntryOf(doc));
            if (keepsShard && accountShard(doc.account, SHARDS) !== MAIN_SHARD) {
              engine.addDocument(doc, findings);
            } else {
              engine.checkDocument(doc, findings);
              toMain.add(toAccountEntry(doc, this.content));
            }
          } else if (event.type === 'notice') {
            notices.push(event);
          } else if (event.type === 'invalid') {
            rows += event.rows;
            findings.push(engine.addInvalid(event));
          }
        }
        if (events >= EVENTS_PER_MESSAGE) flush();
      }
      flush();
      this.post({ type: 'done' });
    } catch (error) {
      flush();
      if (!(error instanceof FatalInputError)) throw error;
      // The rows read before stay counted and kept: the file's rows up to the problem, as one reader would have them.
      this.post({ type: 'fatal', message: error.message });
    }
  }
}

if (parentPort !== null) {
  const port = parentPort;
  const worker = new CheckWorker(workerData as WorkerSetup, (message, transfer) => port.postMessage(message, transfer));
  port.on('message', (request: WorkerRequest) => {
    try {
      worker.handle(request);
    } catch (error) {
      worker.fail(error);
    }
  });
}
