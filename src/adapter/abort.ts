/** The reason an aborted call rejects with: the signal's own, else a `DOMException` `AbortError`. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Runs one adapter call so that an aborted signal always wins over any other outcome. */
export async function abortable<T>(signal: AbortSignal, operation: () => Promise<T>): Promise<T> {
  if (signal.aborted) throw abortReason(signal);
  let result: T;
  try {
    result = await operation();
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    throw error;
  }
  if (signal.aborted) throw abortReason(signal);
  return result;
}
