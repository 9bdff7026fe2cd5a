/** Ids as one joined string and the lengths: hundreds of thousands of short strings cost a walk each through v8.serialize, these two values one copy each. */
export interface PackedIds {
  text: string;
  lengths: Int32Array;
}

/**
 * Ids (of cases, CSOs, trainings) numbered in the order they first appear, the number a read
 * model's rows go by. After a load the map is built only when an id is first looked up, by the
 * next event folded: queries go by number, and a restart need not wait for ~half a million map
 * entries.
 */
export class IdNumbers {
  private map = new Map<string, number>();
  /** The loaded ids, while the map is not built. */
  private packed: PackedIds | undefined;

  get size(): number {
    return this.packed ? this.packed.lengths.length : this.map.size;
  }

  /** The id's number: a new one, the next, for an id not seen yet. */
  numberOf(id: string): number {
    const map = this.built();
    let n = map.get(id);
    if (n === undefined) map.set(id, (n = map.size));
    return n;
  }

  save(): PackedIds {
    if (this.packed) return this.packed;
    const list = [...this.map.keys()];
    return { text: list.join(''), lengths: Int32Array.from(list, (id) => id.length) };
  }

  /** Takes a save()'s ids as they are; throws when they are not a list of ids. */
  static load(packed: PackedIds): IdNumbers {
    const { text, lengths } = packed ?? {};
    if (typeof text !== 'string' || !(lengths instanceof Int32Array)) throw new TypeError('an id list snapshot of another shape');
    let total = 0;
    for (const length of lengths) total += length;
    if (total !== text.length) throw new TypeError('an id list snapshot whose lengths do not add up');
    const ids = new IdNumbers();
    ids.packed = packed;
    return ids;
  }

  private built(): Map<string, number> {
    if (this.packed) {
      const { text, lengths } = this.packed;
      this.packed = undefined;
      let at = 0;
      for (let n = 0; n < lengths.length; n++) this.map.set(text.slice(at, (at += lengths[n])), n);
    }
    return this.map;
  }
}
