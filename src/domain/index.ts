/**
 * The domain as a host sees it (`@kpa/secure-messages/domain`): the types of the data the elements
 * and the adapter exchange (for a host's own adapter or its own views of that data), the status,
 * sort and paging vocabulary, the validators a host may run on what it hands the elements (a
 * Meddelandenummer for `<secure-messages>`'s view, a user id, a personnummer) and the formatters
 * that write dates, sizes and names the way the elements do.
 *
 * The rest of the domain (form validation, filter semantics, assignment permissions, link
 * checks) is the elements' own business; the library's modules import it from the module files.
 */
export type * from './config.js';
export * from './format.js';
export { normalisePersonnummer, parsePersonnummer, type PersonnummerResult } from './personnummer.js';
export * from './query.js';
export {
  isStatus,
  needsAttention,
  READER_STATUSES,
  readerStatus,
  statusesOf,
  STATUSES,
  type ReaderStatus,
  type Status,
} from './status.js';
export * from './types.js';
export {
  validateMessageNumber,
  validateUserId,
  type ValidationCode,
  type ValidationProblem,
  type ValidationResult,
} from './validators.js';
