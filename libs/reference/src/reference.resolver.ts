import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { TerritoryLevel } from '@maillage/domain';
import { COMMON_ERRORS, MAX_PAGE_SIZE } from '@maillage/common';
import { CauseRepository } from './cause.repository';
import { CompetenceRepository } from './competence.repository';
import { TerritoryRepository } from './territory.repository';
import { Cause, Competence, Territory } from './models/reference.models';
import { REFERENCE_ERRORS } from './reference.errors';

/** Read-only reference data: the competence tree, SDGs and French territories. Public. */
@Resolver()
export class ReferenceResolver {
  constructor(
    private readonly territoryRepo: TerritoryRepository,
    private readonly competencesRepo: CompetenceRepository,
    private readonly causesRepo: CauseRepository,
  ) {}

  @Query(() => [Competence], { description: 'The whole competence taxonomy, parents before children.' })
  competences(): Promise<Competence[]> {
    return this.competencesRepo.tree();
  }

  @Query(() => Competence)
  async competence(@Args('id') id: string): Promise<Competence> {
    const found = await this.competencesRepo.byId(id);
    if (!found)
      throw REFERENCE_ERRORS.notFound(`Unknown competence ${id}`, {
        field: ['id'],
        reason: 'unknown_competence',
      });
    return found;
  }

  @Query(() => [Cause], { description: 'The 17 UN Sustainable Development Goals (ODD).' })
  causes(): Promise<Cause[]> {
    return this.causesRepo.all();
  }

  @Query(() => Territory)
  async territory(@Args('code') code: string): Promise<Territory> {
    const found = await this.territoryRepo.byCode(code);
    if (!found)
      throw REFERENCE_ERRORS.notFound(`Unknown territory ${code}`, {
        field: ['code'],
        reason: 'unknown_territory',
      });
    return found;
  }

  @Query(() => [Territory], {
    description: 'Territories whose name starts with the prefix (accents and case ignored).',
  })
  territories(
    @Args('namePrefix') namePrefix: string,
    @Args('level', { type: () => TerritoryLevel, nullable: true }) level?: TerritoryLevel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first?: number,
  ): Promise<Territory[]> {
    if (namePrefix.trim().length < 1 || namePrefix.length > 100) {
      throw REFERENCE_ERRORS.badInput('namePrefix: 1 to 100 characters', {
        field: ['namePrefix'],
        reason: 'length',
      });
    }
    const limit = first ?? 20;
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw COMMON_ERRORS.badInput(`first: must be between 1 and ${MAX_PAGE_SIZE}`, {
        field: ['first'],
        reason: 'page_size',
      });
    }
    return this.territoryRepo.searchByName(namePrefix, { level: level ?? undefined, limit });
  }

  @Query(() => [Territory], {
    description: 'Direct children: régions → départements, départements → EPCI/communes, EPCI → communes.',
  })
  async territoryChildren(
    @Args('code') code: string,
    @Args('level', { type: () => TerritoryLevel, nullable: true }) level?: TerritoryLevel,
  ): Promise<Territory[]> {
    await this.territory(code);
    return this.territoryRepo.children(code, { level: level ?? undefined });
  }
}
