import type { InternalPlan } from '../internal/plan';
import type { ProblemModel } from '../internal/problem-model';

export interface TableSettings {
  fairnessBonus: number;
  maxImprovementPasses: number;
  improvementTimeMs: number;
  localSearch: boolean;
}
export interface TableOutcome {
  plan: InternalPlan;
  improvementPasses: number;
  constructionScore: number;
  finalScore: number;
}
export function optimiseTables(model: ProblemModel, settings: TableSettings): TableOutcome {
  void settings;
  return { plan: Array.from({ length: model.roundCount }, () => []), improvementPasses: 0, constructionScore: 0, finalScore: 0 };
}
