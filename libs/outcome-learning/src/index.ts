/**
 * Learning scoring weights from a lab's outcomes: fit.ts is pure (regularised logistic regression,
 * AUC, deterministic split), the service reads the outcomes and scores the met pairs.
 */
export * from './fit';
export * from './outcome-learning.errors';
export * from './outcome-learning.models';
export * from './outcome-learning.service';
export * from './outcome-learning.module';
