export * from './met-before';
export * from './population.service';
export * from './scoring-data.repository';
