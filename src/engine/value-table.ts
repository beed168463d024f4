/**
 * Values that repeat (currencies, file names), stored once and referred to by index, in the
 * order first seen. Consecutive documents nearly always share their file and currency, so the
 * last value is checked before the Map.
 */
export class ValueTable<T> {
  private readonly values: T[] = [];
  private readonly indexes = new Map<T, number>();
  private last: T | undefined;
  private lastIndex = -1;
  /** How many values takeNew() has handed out. */
  private taken = 0;

  indexOf(value: T): number {
    if (value === this.last) return this.lastIndex;
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    this.last = value;
    this.lastIndex = index;
    return index;
  }

  at(index: number): T {
    return this.values[index] as T;
  }

  /** The values first seen since the last call (what a batch must name for the other side's table). */
  takeNew(): T[] {
    const added = this.values.slice(this.taken);
    this.taken = this.values.length;
    return added;
  }
}
