/**
 * Second entry point, `@maillage/scoring/testing`: seeded scoring actors for specs and benchmarks
 * (a small hand-written fixture and a Zipf-skewed synthetic population). Not used by production code.
 */
export * from './population';
export * from './fixture';
