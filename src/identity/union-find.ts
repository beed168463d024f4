import { TransientInt32 } from '../engine/transient.js';

/** Disjoint sets over 0…n-1 (path halving, union by size): accounts that turn out to be one. */
export class UnionFind {
  /** Given back by free(), when the join is done (engine/transient.ts). */
  private readonly parents: TransientInt32;
  private readonly sizes: TransientInt32;
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parents = new TransientInt32(count);
    this.sizes = new TransientInt32(count);
    this.parent = this.parents.array;
    this.size = this.sizes.array.fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  /** Gives the sets' memory back: neither they nor takeRoots' array are read after. */
  free(): void {
    this.parents.free();
    this.sizes.free();
  }

  find(item: number): number {
    let node = item;
    while (this.parent[node] !== node) {
      const grand = this.parent[this.parent[node] as number] as number;
      this.parent[node] = grand;
      node = grand;
    }
    return node;
  }

  /** Joins the two sets; the larger one's root stays (ties: the lower number, first seen). */
  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    const sizeA = this.size[rootA] as number;
    const sizeB = this.size[rootB] as number;
    if (sizeA < sizeB || (sizeA === sizeB && rootB < rootA)) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = sizeA + sizeB;
  }

  /**
   * Every item's root, for grouping, written over the sets' own array: the sets are not to be used
   * after. A copy was 1 MB more at the peak of a thread's end phase of 250 000 accounts (issue 19).
   */
  takeRoots(): Int32Array {
    const parent = this.parent;
    // In item order a parent's root is final before its children are visited only if it comes
    // first, so each item is resolved by following the links, which earlier items have shortened.
    for (let i = 0; i < parent.length; i++) parent[i] = this.find(i);
    return parent;
  }
}
