import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidRna, isValidSiren, isValidTerritoryCode } from '@maillage/domain';

function simple(name: string, test: (value: string) => boolean, message: string) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
}

export const IsSiren = simple(
  'isSiren',
  isValidSiren,
  '$property must be a SIREN: 9 digits with a valid checksum',
);
export const IsRna = simple('isRna', isValidRna, '$property must be an RNA number: W followed by 9 digits');
export const IsTerritoryCode = simple(
  'isTerritoryCode',
  isValidTerritoryCode,
  '$property must be an INSEE code (commune 5 chars, département, région) or an EPCI SIREN',
);
