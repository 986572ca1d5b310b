import type { Organisation } from './types.js';

/** An organisation number as Swedes write it: `212000-9871`. Anything but ten digits stays as given. */
export function formatOrganisationNumber(number: string): string {
  return /^\d{10}$/.test(number) ? `${number.slice(0, 6)}-${number.slice(6)}` : number;
}

/** How an organisation is offered in a list to pick from: its name and organisation number. */
export function organisationLabel(o: Organisation): string {
  return `${o.name} (${formatOrganisationNumber(o.organisationNumber)})`;
}

const fold = (text: string): string => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/**
 * The organisation a person means by what they typed or picked: its label as offered
 * (`organisationLabel`), its name, its organisation number with or without the hyphen, or its
 * customer number; case and spacing do not matter. Undefined when nothing, or more than one
 * organisation, answers to it.
 */
export function findOrganisation(
  organisations: readonly Organisation[],
  text: string,
): Organisation | undefined {
  const wanted = fold(text);
  if (wanted === '') return undefined;
  const digits = wanted.replace(/-/g, '');
  const found = organisations.filter(
    (o) =>
      fold(organisationLabel(o)) === wanted ||
      fold(o.name) === wanted ||
      o.organisationNumber === digits ||
      o.customerNumber === wanted,
  );
  return found.length === 1 ? found[0] : undefined;
}
