import {
  ErrorCode,
  ReasonOf,
  ValidationReason,
  defineErrorReasons,
  defineRowReasons,
} from '@maillage/common';

const { BAD_USER_INPUT, NOT_FOUND } = ErrorCode;

/** Every error reason of the actor CSV import (docs/errors.md); file-level CSV reasons are CSV_FILE_ERRORS. */
export const ACTOR_IMPORT_ERRORS = defineErrorReasons('Actor CSV import', {
  too_large_for_sync: {
    codes: [BAD_USER_INPUT],
    field: 'csv',
    meaning: 'Too big for importActorsCsv (in the request): use startActorsCsvImport (background job).',
  },
  file_too_large: {
    codes: [BAD_USER_INPUT],
    field: 'csv',
    meaning: 'Over the upload limit: split the file or use the CLI.',
  },
  unknown_import_run: {
    codes: [NOT_FOUND],
    field: 'id',
    meaning: 'No import run has this id (or it is another organisation’s).',
  },
});
export const ACTOR_IMPORT_ERROR_REASONS = ACTOR_IMPORT_ERRORS.reasons;
export type ActorImportErrorReason = ReasonOf<typeof ACTOR_IMPORT_ERRORS>;

/** Row reasons of the actor import report (`errors[].reason`; the rest of the file is imported). */
export const ACTOR_IMPORT_ROW_REASONS = defineRowReasons(
  'Actor CSV import (importActorsCsv, startActorsCsvImport, CLI)',
  {
    too_many_cells: {
      meaning: 'The row has more cells than the header (quote cells that contain the delimiter).',
    },
    required: { column: 'name, kind', meaning: 'The cell is required.' },
    missing_key: {
      column: 'external_id, siren, rna',
      meaning:
        'The row needs an external_id, a SIREN or an RNA number, so that a re-import updates the same actor.',
    },
    duplicate_siren: { column: 'siren', meaning: 'Same SIREN as an earlier row.' },
    actor_not_editable: {
      column: 'external_id, siren, rna',
      meaning:
        'The identifier belongs to an actor the caller may not edit (the same words whether it is private or public).',
    },
    duplicate_rna: { column: 'rna', meaning: 'Same RNA number as an earlier row.' },
    duplicate_external_id: { column: 'external_id', meaning: 'Same external_id as an earlier row.' },
    key_conflict: {
      column: 'siren, rna, external_id',
      meaning: 'The row’s keys match two different existing actors.',
    },
    conflict: {
      column: 'siren, rna, external_id',
      meaning: 'Another import or edit took this key meanwhile.',
    },
    unknown_territory: {
      column: 'commune, acts_in',
      meaning: 'The territory code is not in the reference data.',
    },
    unknown_competence: {
      column: 'offers, needs',
      meaning: 'The competence id is not in the reference data.',
    },
    invalid_kind: { column: 'kind', meaning: 'Unknown actor kind.' },
    invalid_size_band: { column: 'size_band', meaning: 'Unknown size band.' },
    invalid_visibility: { column: 'visibility', meaning: 'Unknown visibility.' },
    invalid_offer: { column: 'offers', meaning: 'An offer is not competenceId:MODALITY:level.' },
    invalid_modality: { column: 'offers', meaning: 'Unknown modality in an offer.' },
    invalid_level: { column: 'offers', meaning: 'An offer level is not 1, 2 or 3.' },
    invalid_need: { column: 'needs', meaning: 'A need is not competenceId:priority.' },
    invalid_priority: { column: 'needs', meaning: 'A need priority is not 1, 2 or 3.' },
    invalid_cause: { column: 'causes', meaning: 'Not an SDG number (1 to 17).' },
    invalid_alliance_form: { column: 'alliance_forms', meaning: 'Unknown alliance form.' },
    invalid_siren: { column: 'siren', meaning: 'Not a SIREN (9 digits with a valid checksum).' },
    invalid_rna: { column: 'rna', meaning: 'Not an RNA number (W + 9 digits).' },
    invalid_territory_code: { column: 'commune, acts_in', meaning: 'Not an INSEE code or an EPCI SIREN.' },
    invalid_email: { column: 'contact_email', meaning: 'Not an email address.' },
    invalid_phone: { column: 'contact_phone', meaning: 'Not a phone number.' },
    invalid_format: { meaning: 'The text does not have the expected format.' },
    invalid_value: { meaning: 'Not one of the allowed values.' },
    invalid_length: { meaning: 'The text length is outside the allowed range.' },
    too_long: { column: 'name, description, contact_*', meaning: 'The text is too long.' },
    too_short: { meaning: 'The text is too short.' },
    too_many_values: { column: 'acts_in, offers, needs, causes', meaning: 'The list has too many items.' },
    duplicate_values: { meaning: 'The list repeats an item.' },
    invalid_number: { meaning: 'Not an integer.' },
    out_of_range: { meaning: 'The number is outside the allowed range.' },
  },
  'A row may also carry an Input validation reason (the class-validator constraint) that none of these names.',
);
/** A row's reason: a declared row reason, else the validation constraint that failed. */
export type ActorImportRowReason = ReasonOf<typeof ACTOR_IMPORT_ROW_REASONS> | ValidationReason;
