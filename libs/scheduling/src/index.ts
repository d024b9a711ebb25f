export * from './types';
export * from './errors';
export { optimiseSchedule } from './optimise-schedule';
export { lpUpperBound, type UpperBound, type UpperBoundOptions } from './bounds/lp-upper-bound';
