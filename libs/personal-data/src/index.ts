export * from './personal-data.errors';
export * from './personal-data-request.entity';
export * from './personal-data.service';
export * from './personal-data.module';
export * from './personal-data.resolver';
export * from './personal-data-retention';
