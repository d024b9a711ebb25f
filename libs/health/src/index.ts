export * from './health.module';
export * from './store-probes';
export * from './worker-health.server';
