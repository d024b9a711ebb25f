import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, CONFLICT } = ErrorCode;

/**
 * Every reason of authentication (the AuthGuard authenticates each request's credential) and of the
 * permission policy (docs/errors.md). "Authentication required" (no credential where one is needed)
 * is UNAUTHENTICATED without a reason.
 */
export const AUTH_ERRORS = defineErrorReasons('Authentication and permissions', {
  invalid_api_key: {
    codes: [UNAUTHENTICATED],
    meaning: 'The `Authorization` header holds an API key that is unknown or revoked.',
  },
  invalid_token: {
    codes: [UNAUTHENTICATED],
    meaning: 'The `Authorization` header holds a token that is malformed, badly signed or expired.',
  },
  revoked_token: {
    codes: [UNAUTHENTICATED],
    meaning: 'The token is valid, but its API key or its user was revoked or disabled since.',
  },
  token_from_token: {
    codes: [FORBIDDEN],
    meaning: 'A token is minted from an API key only, never from another token.',
  },
  unknown_user: { codes: [NOT_FOUND], field: 'id', meaning: 'No user has this id.' },
  unknown_api_key: {
    codes: [NOT_FOUND],
    field: 'id',
    meaning: 'No API key has this id (or it is not yours).',
  },
  too_long: { codes: [BAD_USER_INPUT], field: 'label', meaning: 'The label is over 100 characters.' },
  role_not_allowed: { codes: [FORBIDDEN], meaning: 'The caller’s role may not perform this action.' },
  not_actor_editor: {
    codes: [FORBIDDEN],
    field: 'id, input.actorId',
    meaning: 'An actor editor may only edit the actors they represent.',
  },
  not_actor_manager: {
    codes: [FORBIDDEN],
    field: 'id, input.actorId',
    meaning: 'An organiser may only edit the actors its organisation manages (another lab’s public actor).',
  },
  unknown_organisation: {
    codes: [NOT_FOUND],
    field: 'organisationId',
    meaning: 'No organisation has this id.',
  },
  actor_ids_for_non_editor: {
    codes: [BAD_USER_INPUT],
    field: 'input.actorIds',
    meaning: 'Only ACTOR_EDITOR users represent actors.',
  },
  email_taken: { codes: [CONFLICT], field: 'input.email', meaning: 'A user with this email already exists.' },
});
export const AUTH_ERROR_REASONS = AUTH_ERRORS.reasons;
export type AuthErrorReason = ReasonOf<typeof AUTH_ERRORS>;
