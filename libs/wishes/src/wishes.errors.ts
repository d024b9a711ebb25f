import { ErrorCode, ReasonOf, defineErrorReasons } from '@maillage/common';

const { BAD_USER_INPUT, CONFLICT, NOT_FOUND } = ErrorCode;

/** Every reason of participants' wishes (docs/errors.md). */
export const WISH_ERRORS = defineErrorReasons('Wishes (whom participants want to meet)', {
  wishes_closed: {
    codes: [CONFLICT],
    field: 'input.eventId',
    meaning: 'The wish list is closed: its deadline has passed.',
  },
  not_a_participant: {
    codes: [BAD_USER_INPUT],
    field: 'input.targetId, actorId',
    meaning: 'The actor is not registered at this event.',
  },
  unknown_actor: {
    codes: [NOT_FOUND],
    field: 'input.targetId',
    meaning: 'The other participant is an actor you may not see (private to another organisation).',
  },
  self_reference: {
    codes: [BAD_USER_INPUT],
    field: 'input.targetId',
    meaning: 'A participant cannot express a wish about itself.',
  },
});
export const WISH_ERROR_REASONS = WISH_ERRORS.reasons;
export type WishErrorReason = ReasonOf<typeof WISH_ERRORS>;
