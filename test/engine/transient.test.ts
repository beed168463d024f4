/**
 * The end phase's tables that give their memory back at once (engine/transient.ts, issue 19):
 * zero-filled when made like any typed array, read and written alike, empty once freed.
 */
import { describe, expect, it } from 'vitest';
import { TransientInt32 } from '../../src/engine/transient.js';

describe('TransientInt32', () => {
  it('holds numbers like an Int32Array until freed, then nothing', () => {
    const table = new TransientInt32(1024);
    expect(table.array).toHaveLength(1024);
    expect(table.array.every((value) => value === 0)).toBe(true);
    table.array.fill(-1);
    table.array[7] = 2 ** 31 - 1;
    expect([table.array[0], table.array[7], table.array[1023]]).toEqual([-1, 2 ** 31 - 1, -1]);
    table.free();
    // Its view now lies past the buffer's end: no stale value can be read from it.
    expect(table.array).toHaveLength(0);
    expect(table.array[7]).toBeUndefined();
    expect(table.array.buffer.byteLength).toBe(0);
  });

  it('can be freed twice, and made empty', () => {
    const table = new TransientInt32(0);
    table.free();
    table.free();
    expect(table.array).toHaveLength(0);
  });
});
