import { AccountsAndJobRuns1764310000000 } from './1764310000000-accounts-and-job-runs';

/** Every migration, oldest first. */
export const MIGRATIONS: (new () => object)[] = [AccountsAndJobRuns1764310000000];
