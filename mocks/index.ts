/**
 * The mock backend of Säkra meddelanden: MSW handlers implementing the HTTP contract over an
 * in-memory store with deterministic Swedish seed data and fault injection. Its own entry point;
 * never imported from src/. For Node test runners, see './node.js'.
 */
export {
  createMockBackend,
  DEFAULT_BASE_PATH,
  type MockBackend,
  type MockBackendOptions,
} from './backend.js';
export { MOCK_USER_IDS } from './fixtures.js';
export type {
  Fault,
  FaultController,
  FaultMatch,
  FaultRule,
  FaultStatus,
  GatewayFault,
  GatewayFaultStatus,
} from './faults.js';
export { CONTRACT_RULES, type ContractRule } from './rules.js';
export type { MockStore, ConversationRecord } from './store.js';
export type { ProblemDetails } from './problem.js';
export { startMockWorker, type StartMockWorkerOptions } from './browser.js';
export { TEST_PERSONS, TEST_PERSONNUMMER, writePersonnummer, type TestPerson } from './test-personnummer.js';
export { sampleFile, sampleFileBytes, sampleMimeType } from './sample-files.js';
