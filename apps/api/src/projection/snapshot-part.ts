/**
 * One read model's share of a persisted snapshot. `save()` returns structured-clone data (typed
 * arrays, Maps, plain objects) describing the model at the projector's position; it is serialised
 * before the next event is applied, so it may share the model's live structures. `load()` takes
 * what a save() returned after a round trip through the file and replaces everything the model
 * holds, keeping the state's arrays as they are (no copy: a state is loaded once); it throws when
 * the state is not one it can take.
 */
export interface SnapshotPart {
  readonly name: string;
  save(): unknown;
  load(state: unknown): void;
}

/** What a snapshot stands on: the log position the parts have reached and the hash of its event. */
export interface SnapshotHead {
  position: number;
  hash: string;
}

/** The read models a snapshot holds, and where they stand (the projector). */
export interface SnapshotSource {
  readonly parts: readonly SnapshotPart[];
  readonly head: SnapshotHead;
}
