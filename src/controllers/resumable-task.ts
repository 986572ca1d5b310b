import { TaskStatus, type Task } from '@lit/task';

/**
 * A task that was cut short because its element left the page, and runs again when the element
 * comes back (moving between views inside the feature must not leave a view half loaded).
 */
export class ResumableTask {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any task's arguments and value
  readonly #task: Task<any, any>;
  #cut = false;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any task's arguments and value
  constructor(task: Task<any, any>) {
    this.#task = task;
  }

  /** The element leaves the page: a run under way is aborted and remembered. */
  leave(): void {
    if (this.#task.status !== TaskStatus.PENDING) return;
    this.#cut = true;
    this.#task.abort();
  }

  /** The element is back: runs the task again if a run was cut short; true when it did. */
  back(): boolean {
    if (!this.#cut) return false;
    this.#cut = false;
    void this.#task.run();
    return true;
  }

  /** Whatever was cut short no longer needs to run (e.g. the session ended). */
  forget(): void {
    this.#cut = false;
  }
}

/** A task's status in words: `idle` (not run), `loading`, `complete` or `error`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any task's arguments and value
export function taskPhase(task: Task<any, any>): 'idle' | 'loading' | 'complete' | 'error' {
  switch (task.status) {
    case TaskStatus.INITIAL:
      return 'idle';
    case TaskStatus.PENDING:
      return 'loading';
    case TaskStatus.COMPLETE:
      return 'complete';
    default:
      return 'error';
  }
}
