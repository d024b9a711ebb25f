import { ErrorProblem } from '@maillage/common';
import { ACTOR_ERRORS, ActorErrorReason } from './actors.errors';

type Path = (string | number)[];
type MissingReason = Extract<ActorErrorReason, 'unknown_territory' | 'unknown_competence' | 'unknown_actor'>;

/** Collects every reference an input makes (with its field path) so all can be checked in one query. */
export class ReferenceCollector {
  readonly territories = new Map<string, Path>();
  readonly competences = new Map<string, Path>();
  readonly actors = new Map<string, Path>();

  territory(code: string | null | undefined, path: Path): this {
    if (code && !this.territories.has(code)) this.territories.set(code, path);
    return this;
  }

  competence(id: string, path: Path): this {
    if (!this.competences.has(id)) this.competences.set(id, path);
    return this;
  }

  actor(id: string, path: Path): this {
    if (!this.actors.has(id)) this.actors.set(id, path);
    return this;
  }

  keys() {
    return {
      territories: [...this.territories.keys()],
      competences: [...this.competences.keys()],
      actors: [...this.actors.keys()],
    };
  }

  /** Throws BAD_USER_INPUT naming every unknown reference with its field path. */
  assertNoneMissing(missing: { territories: string[]; competences: string[]; actors: string[] }): void {
    const problems = [
      ...missing.territories.map((code): ErrorProblem<MissingReason> => ({
        field: this.territories.get(code)!,
        reason: 'unknown_territory',
        message: `${this.territories.get(code)!.join('.')}: unknown territory code ${code}`,
      })),
      ...missing.competences.map((id): ErrorProblem<MissingReason> => ({
        field: this.competences.get(id)!,
        reason: 'unknown_competence',
        message: `${this.competences.get(id)!.join('.')}: unknown competence ${id}`,
      })),
      ...missing.actors.map((id): ErrorProblem<MissingReason> => ({
        field: this.actors.get(id)!,
        reason: 'unknown_actor',
        message: `${this.actors.get(id)!.join('.')}: unknown actor ${id}`,
      })),
    ];
    if (problems.length) {
      throw ACTOR_ERRORS.badInput(problems[0].message, {
        field: problems[0].field,
        reason: problems[0].reason,
        problems,
      });
    }
  }
}
