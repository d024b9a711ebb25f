import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { ValidationReason } from './common-errors';
import { BadInputError, ErrorProblem, FieldPath } from './domain-errors';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Validates GraphQL args/inputs with class-validator and reports every problem with its
 * full field path (`input.offers.2.level`) and a reason, instead of Nest's flat message list.
 * The reason is the failed constraint's name: class-validator's are VALIDATION_ERRORS, a domain's
 * own validators declare theirs (test/error-catalogue.spec.ts checks every constraint in use is).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!type || PRIMITIVES.has(type) || value === null || value === undefined || typeof value !== 'object') {
      return value;
    }
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
    if (errors.length > 0) {
      const root = metadata.data ? [metadata.data] : [];
      const problems = flatten(errors, root);
      const first = problems[0];
      throw new BadInputError<ValidationReason>(first.message, {
        field: first.field,
        reason: first.reason,
        problems,
      });
    }
    return instance;
  }
}

function flatten(errors: ValidationError[], parent: FieldPath) {
  const out: ErrorProblem<ValidationReason>[] = [];
  for (const error of errors) {
    const key = /^\d+$/.test(error.property) ? Number(error.property) : error.property;
    const field = [...parent, key];
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      // A constraint name: declared in VALIDATION_ERRORS or by the lib of a custom validator.
      out.push({ field, reason: constraint as ValidationReason, message: `${field.join('.')}: ${message}` });
    }
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}
