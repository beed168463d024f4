/**
 * Typed arrays the end phase gives back as soon as its step is done (issue 19: memory). The
 * join's tables (the keys' open addressing, the first claims, the sets, their members) and the
 * grouping by account were plain typed arrays: dead after their step, they stayed resident until
 * the collector ran, which the end phase seldom makes it do, 11–13 MB a thread at 250 000
 * accounts, so the two threads could not run their end phases at once under 300 MB. A resizable
 * ArrayBuffer gives its pages back to the system when resized to zero (Node 20 and later), at
 * once. Its views are a little slower to index (about 3 ns an access more on Node 20), which the
 * end phase's few million accesses do not feel.
 */
/** ES2024's resizable ArrayBuffer (the project's lib is ES2022; Node 20's V8 has it). */
type ResizableArrayBuffer = ArrayBuffer & { resize(byteLength: number): void };
const ResizableArrayBuffer = ArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => ResizableArrayBuffer;

export class TransientInt32 {
  private readonly buffer: ResizableArrayBuffer;
  readonly array: Int32Array;

  constructor(length: number) {
    const bytes = length * Int32Array.BYTES_PER_ELEMENT;
    this.buffer = new ResizableArrayBuffer(bytes, { maxByteLength: bytes });
    this.array = new Int32Array(this.buffer, 0, length);
  }

  /** Gives the memory back; the array must not be read after (it reads as empty). */
  free(): void {
    this.buffer.resize(0);
  }
}
