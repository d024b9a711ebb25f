import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, NOT_FOUND, CONFLICT } = ErrorCode;

/** Every reason the actors domain sends (docs/errors.md). */
export const ACTOR_ERRORS = defineErrorReasons('Actors', {
  unknown_actor: {
    codes: [NOT_FOUND, BAD_USER_INPUT],
    field: 'id, input.actorId, input.memberOf.<i>',
    meaning:
      'No actor has this id, or the caller may not see it (NOT_FOUND); BAD_USER_INPUT when an input refers to it.',
  },
  unknown_territory: {
    codes: [BAD_USER_INPUT],
    field: 'input.communeCode, input.actsIn.<i>',
    meaning: 'The territory code is not in the reference data.',
  },
  unknown_competence: {
    codes: [BAD_USER_INPUT],
    field: 'input.offers.<i>.competenceId, input.needs.<i>.competenceId',
    meaning: 'The competence id is not in the reference data.',
  },
  self_alliance: {
    codes: [BAD_USER_INPUT],
    field: 'input.partnerId',
    meaning: 'An actor cannot ally with itself.',
  },
  unknown_alliance: {
    codes: [NOT_FOUND],
    field: 'input.partnerId',
    meaning: 'There is no current alliance of this form between these actors.',
  },
  duplicate_siren: {
    codes: [CONFLICT],
    field: 'input.siren',
    meaning: 'Another actor already has this SIREN.',
  },
  duplicate_rna: {
    codes: [CONFLICT],
    field: 'input.rna',
    meaning: 'Another actor already has this RNA number.',
  },
  duplicate_externalId: {
    codes: [CONFLICT],
    field: 'input.externalId',
    meaning: 'Another actor already has this external id.',
  },
  duplicate_id: { codes: [CONFLICT], field: 'input.id', meaning: 'Another actor already has this id.' },
  actor_already_managed: {
    codes: [CONFLICT],
    field: 'actorId',
    meaning:
      'claimActor: the actor is already managed by an organisation (only unmanaged actors are claimed).',
  },
  invalid_claim_reason: {
    codes: [BAD_USER_INPUT],
    field: 'reason',
    meaning: 'claimActor: say why in 10 to 500 characters (the claim is audited).',
  },
  isSiren: {
    codes: [BAD_USER_INPUT],
    field: 'input.siren',
    meaning: 'Input validation: not a SIREN (9 digits with a valid checksum).',
  },
  isRna: {
    codes: [BAD_USER_INPUT],
    field: 'input.rna',
    meaning: 'Input validation: not an RNA number (W + 9 digits).',
  },
  isTerritoryCode: {
    codes: [BAD_USER_INPUT],
    field: 'input.communeCode, input.actsIn.<i>',
    meaning: 'Input validation: not an INSEE code (commune, département, région) or an EPCI SIREN.',
  },
});
export const ACTOR_ERROR_REASONS = ACTOR_ERRORS.reasons;
export type ActorErrorReason = ReasonOf<typeof ACTOR_ERRORS>;

/** The unique keys of an actor and the reason a clash on each gets. */
export const DUPLICATE_KEY_REASON = {
  siren: 'duplicate_siren',
  rna: 'duplicate_rna',
  externalId: 'duplicate_externalId',
  id: 'duplicate_id',
} as const satisfies Record<string, ActorErrorReason>;
