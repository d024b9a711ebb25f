export * from './scoring-profiles.module';
export * from './scoring-profiles.service';
export * from './scoring-profiles.repository';
export * from './scoring-profiles.resolver';
export * from './models/scoring-profile.models';
export * from './dto/scoring-profile.inputs';
export * from './scoring-profiles.errors';
