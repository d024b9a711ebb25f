/** Figures checks for the store benchmarks: each failed check is printed and fails the run (exit 1). */
export class Checks {
  readonly failed: string[] = [];

  check(ok: boolean, what: string): boolean {
    if (!ok) {
      this.failed.push(what);
      process.stderr.write(`[bench] check failed: ${what}\n`);
    }
    return ok;
  }

  equal(actual: unknown, expected: unknown, what: string): boolean {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    return this.check(a === e, `${what}: expected ${e}, got ${a}`);
  }
}

/** Runs a benchmark's main(): exit 0 when every check held, 1 otherwise or on error. */
export function runMain(main: () => Promise<Checks>): void {
  main().then(
    (checks) => process.exit(checks.failed.length ? 1 : 0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
