import { mapInSlices } from './time-slices';

describe('mapInSlices', () => {
  it('maps in order and lets other callbacks run between slices', async () => {
    const seen: string[] = [];
    const other = new Promise<void>((resolve) =>
      setImmediate(() => {
        seen.push('other');
        resolve();
      }),
    );
    // A zero-length slice yields after every item: the other callback runs before the map ends.
    const out = await mapInSlices(
      [1, 2, 3],
      (x) => {
        seen.push(`item ${x}`);
        return x * 10;
      },
      0,
    );
    await other;
    expect(out).toEqual([10, 20, 30]);
    expect(seen.indexOf('other')).toBeGreaterThan(0);
    expect(seen.indexOf('other')).toBeLessThan(seen.length - 1);
  });

  it('does not yield while the slice lasts', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('other'));
    await mapInSlices([1, 2, 3], (x) => seen.push(`item ${x}`), 60_000);
    expect(seen.slice(0, 3)).toEqual(['item 1', 'item 2', 'item 3']);
  });
});
