/** What the main thread and a parsing worker exchange (structured-clone friendly: no Maps of Maps, no classes). */
import type { BillcheckConfig, RuleLevel, RuleSetting } from '../engine/config.js';
import type { EncodedEntries } from '../engine/entry-codec.js';
import type { OptionValue } from '../engine/rule.js';
import type { AmountStyle } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import type { DateOrder } from '../parse/dates.js';

export interface WorkerJob {
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
  readonly config: SerializedConfig;
  readonly ruleLevels: [string, RuleLevel][];
  readonly today: string;
}

export type SerializedConfig = [string, { level?: RuleLevel; options?: [string, OptionValue][] }][];

export type WorkerMessage =
  | {
      readonly type: 'batch';
      readonly findings: Finding[];
      readonly entries: EncodedEntries;
      readonly documents: number;
      readonly rows: number;
      readonly style: AmountStyle | undefined;
    }
  | { readonly type: 'done' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'error'; readonly message: string; readonly stack?: string };

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
