import type { Capabilities, User, UserRef } from '../../src/domain/types.js';

/** Appends the Luhn check digit to the first nine digits of a 10-digit personnummer (YYMMDDNNN). */
export function luhnCheckDigit(nine: string): string {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A 10-digit personnummer body (YYMMDD + 3 serial digits) completed with its check digit. */
export function withCheck(nine: string): string {
  return nine + luhnCheckDigit(nine);
}

/** The same 10 digits with a wrong check digit. */
export function withWrongCheck(nine: string): string {
  return nine + String((Number(luhnCheckDigit(nine)) + 1) % 10);
}

export function user(
  id: string,
  capabilities: Partial<Capabilities>,
  side: 'employer' | 'kpa' = 'employer',
): User {
  return {
    id,
    name: `Namn ${id}`,
    side,
    organisation: null,
    capabilities: { canAssign: false, canClose: false, canChooseOrganisation: false, ...capabilities },
  };
}

export function ref(id: string, name = `Namn ${id}`): UserRef {
  return { id, name, side: 'employer' };
}
