import { expect } from '@open-wc/testing';
import type { User } from '../../src/domain/types.js';
import type { MockBackend } from '../../mocks/index.js';
import { ProblemError, type ProblemDetails } from '../../mocks/problem.js';
import { sampleFileBytes } from '../../mocks/sample-files.js';
import type { UploadedFile } from '../../mocks/store.js';

export const NOW = new Date('2024-03-27T12:00:00Z');

export function userOf(backend: MockBackend, id: string): User {
  const user = backend.users.find((u) => u.id === id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

/** Runs `fn`, expects a ProblemError with this status and returns its body. */
export function expectProblem(fn: () => unknown, status: number): ProblemDetails {
  try {
    fn();
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ProblemError);
    const problem = (error as ProblemError).problem;
    expect(problem.status, problem.detail).to.equal(status);
    return problem;
  }
  expect.fail(`expected a ${status} problem`);
  throw new Error('unreachable');
}

/** An upload whose bytes match its name's type (a PDF starts with %PDF-), as a server checks. */
export function upload(name: string, size: number, type: string): UploadedFile {
  return { name, type, bytes: sampleFileBytes(name, size) };
}
