import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Action, CurrentPrincipal, Principal, assertAllowed } from '@maillage/auth';
import {
  PersonalDataErasure,
  PersonalDataExport,
  PersonalDataPartCount,
  PersonalDataRequest,
} from './models/personal-data.models';
import { PersonalDataService } from './personal-data.service';

/**
 * Data-subject requests, for platform operators (admins) only: a person writes to the deployment,
 * whoever holds their data. Organisers do not answer them for their contacts (the platform is the
 * controller of every store; an organiser could otherwise erase a person another lab works with).
 */
@Resolver()
export class PersonalDataResolver {
  constructor(private readonly personalData: PersonalDataService) {}

  @Query(() => PersonalDataExport, {
    description: 'Everything held about the person with this e-mail, in every store (admins; audited).',
  })
  async exportPersonalData(
    @CurrentPrincipal() principal: Principal,
    @Args('email') email: string,
  ): Promise<PersonalDataExport> {
    assertAllowed(principal, Action.PERSONAL_DATA_MANAGE);
    const result = await this.personalData.export(email, principal.userId);
    const email_ = email.trim().toLowerCase();
    return {
      subjectHash: result.subjectHash,
      exportedAt: result.exportedAt,
      parts: result.parts.map((p) => ({ ...p, records: JSON.stringify(p.records) })),
      json: JSON.stringify({
        email: email_,
        exportedAt: result.exportedAt,
        parts: Object.fromEntries(result.parts.map((p) => [p.part, p.records])),
      }),
    };
  }

  @Mutation(() => PersonalDataErasure, {
    description:
      'Removes or anonymises the data of the person with this e-mail in every store (admins; idempotent; audited without the e-mail).',
  })
  async erasePersonalData(
    @CurrentPrincipal() principal: Principal,
    @Args('email') email: string,
  ): Promise<PersonalDataErasure> {
    assertAllowed(principal, Action.PERSONAL_DATA_MANAGE);
    return this.personalData.erase(email, principal.userId);
  }

  @Query(() => [PersonalDataRequest], {
    description: 'The audit of personal-data requests, newest first (admins).',
  })
  async personalDataRequests(
    @CurrentPrincipal() principal: Principal,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<PersonalDataRequest[]> {
    assertAllowed(principal, Action.AUDIT_READ);
    const rows = await this.personalData.history(Math.max(1, Math.min(limit, 200)));
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      subjectHash: r.subjectHash,
      requestedBy: r.requestedBy,
      createdAt: r.createdAt,
      parts: Object.entries(r.counts).map(([part, v]): PersonalDataPartCount => ({
        part,
        count: typeof v === 'number' ? v : 0,
        error: typeof v === 'string' ? v : null,
      })),
    }));
  }
}
