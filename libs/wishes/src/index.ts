/**
 * Participants' wishes before an event (« je veux rencontrer », « pourquoi pas », « non merci »):
 * storage and GraphQL, and the pure weighting the optimiser's problem is built with.
 */
export * from './entities';
export * from './wish-weights';
export * from './wishes.module';
export * from './wishes.service';
export * from './models/wish.models';
export * from './dto/wish.inputs';
export { WISH_ERRORS, WISH_ERROR_REASONS, type WishErrorReason } from './wishes.errors';
