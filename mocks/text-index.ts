import { matchesPreparedText, prepareTextQuery, type SearchIndexEntry } from './search.js';

/** What the text index needs of a stored conversation: its precomputed search entry. */
export interface Indexed {
  readonly index: SearchIndexEntry;
}

/**
 * Ends each conversation's text in the joined text: a needle without it cannot match across two
 * conversations.
 */
const RECORD_END = '\u0001';

/**
 * The Meddelandetext search over many conversations, with the same answers as
 * `matchesPreparedText` on each one, without visiting each one:
 * - every conversation's folded text joined into one string, searched with one `indexOf` scan
 *   that jumps to the next conversation after a hit (one contiguous string reads far faster
 *   than thousands of small ones scattered over the heap);
 * - the personnummer of every conversation in a map, so a personnummer query is a lookup.
 *
 * Built for one list of conversations as it is when the index is built. `isCurrentFor` tells
 * whether the list or any conversation's search entry has changed since.
 */
export class TextIndex<T extends Indexed> {
  readonly #records: readonly T[];
  readonly #entries: readonly SearchIndexEntry[];
  readonly #text: string;
  /** Where each conversation's text starts in #text; one more entry for the end. */
  readonly #starts: Int32Array;
  readonly #byPersonnummer = new Map<string, number[]>();

  constructor(records: readonly T[]) {
    this.#records = records;
    this.#entries = records.map((r) => r.index);
    this.#starts = new Int32Array(records.length + 1);
    let offset = 0;
    this.#entries.forEach((entry, i) => {
      this.#starts[i] = offset;
      offset += entry.text.length + RECORD_END.length;
      for (const key of entry.personnummer) {
        const list = this.#byPersonnummer.get(key);
        if (list) list.push(i);
        else this.#byPersonnummer.set(key, [i]);
      }
    });
    this.#starts[records.length] = offset;
    this.#text = this.#entries.map((entry) => entry.text).join(RECORD_END) + RECORD_END;
  }

  /** True while `records` is the list this index was built for, each with the same entry. */
  isCurrentFor(records: readonly T[]): boolean {
    if (records !== this.#records || records.length !== this.#entries.length) return false;
    for (let i = 0; i < records.length; i++) if (records[i].index !== this.#entries[i]) return false;
    return true;
  }

  /** The conversations whose text matches `query` (as matchesText would), in list order. */
  matching(query: string): T[] {
    const prepared = prepareTextQuery(query);
    const { needle } = prepared;
    if (needle === '') return [...this.#records];
    if (needle.includes(RECORD_END)) {
      // A needle that could span two conversations in the joined text: ask each one.
      return this.#records.filter((r) => matchesPreparedText(r.index, prepared));
    }
    const hit = new Uint8Array(this.#records.length);
    for (const key of prepared.personnummer) {
      for (const i of this.#byPersonnummer.get(key) ?? []) hit[i] = 1;
    }
    const starts = this.#starts;
    let at = this.#text.indexOf(needle);
    while (at !== -1) {
      const i = this.#recordAt(at);
      hit[i] = 1;
      at = this.#text.indexOf(needle, starts[i + 1]);
    }
    const result: T[] = [];
    for (let i = 0; i < hit.length; i++) if (hit[i] === 1) result.push(this.#records[i]);
    return result;
  }

  /** The conversation whose text holds offset `at` (binary search over #starts). */
  #recordAt(at: number): number {
    let low = 0;
    let high = this.#records.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
