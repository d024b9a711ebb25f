/**
 * What a schedule is optimised for and how it is judged: the SUM or FAIRNESS (équité) objective,
 * participants' wishes as weight bonuses, and the report beside the plan (LP bounds of both
 * objectives, wishes met, the distribution of scores and meetings, the cost of fairness).
 */
export * from './plan-schedule';
export * from './models';
export * from './stored-plan';
