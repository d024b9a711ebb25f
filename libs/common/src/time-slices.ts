import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Maps `items` with a synchronous `fn`, giving the event loop back whenever a slice has run
 * `sliceMs`: a CPU-bound loop in a request (live scores over thousands of candidates) then delays
 * other requests by about one slice instead of its whole length. Results keep the items' order.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  sliceMs = 8,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i], i);
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return out;
}
