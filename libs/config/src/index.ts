export * from './env.schema';
export * from './config.module';
export * from './log-levels';
