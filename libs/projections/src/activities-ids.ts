/**
 * Event id → number, for a read model to find what a void names (the activities' facts, the
 * engine's records). A million ids in a
 * Map of strings cost ~100 MB; a lower-case UUID is kept here as four 32-bit words in one typed
 * array, found through an open-addressing table (~24 bytes an id). Other ids (none in a valid log)
 * go to a plain Map, so the lookup stays exact whatever the id.
 */

/** The index as plain data (structured-clone-able), its hash table included so that a load need not rebuild it. */
export interface EventIdIndexState {
  count: number;
  words: Uint32Array;
  values: Int32Array;
  slots: Int32Array;
  others: Array<[string, number]>;
}

export class EventIdIndex {
  private count = 0;
  private words: Uint32Array = new Uint32Array(4 * 1024);
  private values: Int32Array = new Int32Array(1024);
  /** Entry number + 1 per slot (0: empty); its length a power of two, at most half full. */
  private slots: Int32Array = new Int32Array(2048);
  private others = new Map<string, number>();

  set(eventId: string, value: number): void {
    const w = wordsOf(eventId);
    if (!w) return void this.others.set(eventId, value);
    if (this.count === this.values.length) this.grow();
    const entry = this.count++;
    this.words.set(w, entry * 4);
    this.values[entry] = value;
    this.place(entry);
  }

  get(eventId: string): number | undefined {
    const w = wordsOf(eventId);
    if (!w) return this.others.get(eventId);
    const mask = this.slots.length - 1;
    for (let slot = hash(w, 0) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] - 1;
      if (this.matches(entry, w)) return this.values[entry];
    }
    return undefined;
  }

  save(): EventIdIndexState {
    const { count } = this;
    return { count, words: this.words.subarray(0, count * 4), values: this.values.subarray(0, count), slots: this.slots, others: [...this.others] };
  }

  /** Takes a save()'s arrays as they are (no copy, no rehash); throws when they do not fit together. */
  static load(state: EventIdIndexState): EventIdIndex {
    const { count, words, values, slots, others } = state ?? {};
    const fits =
      Number.isSafeInteger(count) && words instanceof Uint32Array && values instanceof Int32Array && slots instanceof Int32Array && Array.isArray(others) &&
      words.length === count * 4 && values.length === count && slots.length >= 2 * count && slots.length >= 2 && (slots.length & (slots.length - 1)) === 0;
    if (!fits) throw new TypeError('an event id index snapshot of another shape');
    const index = new EventIdIndex();
    index.others = new Map(others);
    [index.count, index.words, index.values, index.slots] = [count, words, values, slots];
    return index;
  }

  private matches(entry: number, w: Uint32Array): boolean {
    const at = entry * 4;
    return this.words[at] === w[0] && this.words[at + 1] === w[1] && this.words[at + 2] === w[2] && this.words[at + 3] === w[3];
  }

  private place(entry: number): void {
    const mask = this.slots.length - 1;
    let slot = hash(this.words, entry * 4) & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private grow(): void {
    // A power of two (the slots' mask needs it), past the entries: a loaded index's arrays are trimmed to its count.
    let size = 1024;
    while (size <= this.count) size *= 2;
    const words = new Uint32Array(size * 4);
    words.set(this.words);
    const values = new Int32Array(size);
    values.set(this.values);
    [this.words, this.values, this.slots] = [words, values, new Int32Array(size * 2)];
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }
}

const scratch = new Uint32Array(4);

/**
 * The UUID's 128 bits as four words (in a shared scratch array), or undefined for another id
 * (anything but 8-4-4-4-12 lower-case hex). Read char by char: this runs once per event folded,
 * and a regular expression, a replace and four slices per id were 7 % of a replay.
 */
export function wordsOf(eventId: string): Uint32Array | undefined {
  if (eventId.length !== 36) return undefined;
  let word = 0;
  let digits = 0;
  let w = 0;
  for (let i = 0; i < 36; i++) {
    const c = eventId.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45 /* - */) return undefined;
      continue;
    }
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1; // 0-9, a-f
    if (value < 0) return undefined;
    word = (word << 4) | value;
    if (++digits === 8) {
      scratch[w++] = word; // stored modulo 2^32: the same bits as the unsigned word
      word = 0;
      digits = 0;
    }
  }
  return scratch;
}

/** Mixes the four words (random UUIDs are uniform already; the bench's are not). */
function hash(words: Uint32Array, at: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) h = Math.imul(h ^ words[at + i], 0x01000193) ^ (h >>> 15);
  return h >>> 0;
}
