/** Disjoint sets over 0…n-1 (path halving, union by size): accounts that turn out to be one. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
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

  /** Every item's root, for grouping. */
  roots(): Int32Array {
    const roots = new Int32Array(this.parent.length);
    for (let i = 0; i < roots.length; i++) roots[i] = this.find(i);
    return roots;
  }
}
