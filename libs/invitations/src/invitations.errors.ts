import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { NOT_FOUND, FORBIDDEN, CONFLICT } = ErrorCode;

/** Reasons of invitations (docs/errors.md); password reasons are the auth lib's. */
export const INVITATION_ERRORS = defineErrorReasons('Invitations', {
  unknown_invitation: {
    codes: [NOT_FOUND],
    field: 'token',
    meaning: 'No usable invitation has this token: unknown, already used or expired (not told apart).',
  },
  role_not_invitable: {
    codes: [FORBIDDEN],
    field: 'input.role',
    meaning: 'An organiser invites ORGANISER, ACTOR_EDITOR or VIEWER users only (never ADMIN).',
  },
  account_exists: {
    codes: [CONFLICT],
    field: 'input.email',
    meaning:
      'The e-mail belongs to an account that already has a password, or to one an admin alone may invite (other organisation or role).',
  },
});
export type InvitationErrorReason = ReasonOf<typeof INVITATION_ERRORS>;
