export * from './synthetic-actor';
export * from './prng';
export * from './identifiers';
export * from './profiles';
export * from './generate-actors';
export * from './demo-territory';
export * from './actor-graph-loader';
export * from './demo.seeder';
