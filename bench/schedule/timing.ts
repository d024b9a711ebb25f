/** Timing helpers shared by the schedule benchmark's sections. */

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function timed<T>(
  run: () => Promise<T> | T,
): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs: round(wallMs, 1), cpuMs: round((used.user + used.system) / 1000, 1) };
}

/** Median (by wall time) of `runs` timed runs: the machine is shared, single runs are noisy. */
export async function timedMedian<T>(
  runs: number,
  run: () => Promise<T> | T,
): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const results: { value: T; wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i++) results.push(await timed(run));
  results.sort((a, b) => a.wallMs - b.wallMs);
  return results[Math.floor(runs / 2)];
}
