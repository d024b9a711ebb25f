import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, UNAUTHENTICATED, CONFLICT, RATE_LIMITED } = ErrorCode;

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
  invalid_credentials: {
    codes: [UNAUTHENTICATED],
    meaning: 'signIn: unknown e-mail or wrong password (the two are not told apart).',
  },
  account_disabled: {
    codes: [UNAUTHENTICATED],
    meaning: 'signIn: the password is right but the account was disabled by an admin.',
  },
  signin_rate_limit: {
    codes: [RATE_LIMITED],
    meaning: 'signIn: too many failed attempts from this IP address or for this e-mail; retry later.',
  },
  csrf_header_missing: {
    codes: [FORBIDDEN],
    meaning: 'A POST authenticated by the session cookie must carry the header `x-maillage-csrf: 1`.',
  },
  password_too_short: {
    codes: [BAD_USER_INPUT],
    field: 'password',
    meaning: 'The password has fewer than 12 characters.',
  },
  password_too_long: {
    codes: [BAD_USER_INPUT],
    field: 'password',
    meaning: 'The password has more than 200 characters.',
  },
  password_is_email: {
    codes: [BAD_USER_INPUT],
    field: 'password',
    meaning: 'The password is the account’s e-mail address.',
  },
});
export const AUTH_ERROR_REASONS = AUTH_ERRORS.reasons;
export type AuthErrorReason = ReasonOf<typeof AUTH_ERRORS>;
