import { findIndicator, type TargetPeriod } from '@jalon/domain';
import type { TargetsInEffect } from './views.js';

interface Revision {
  eventId: string;
  position: number;
  code: string;
  period: TargetPeriod;
  value: number;
}

/**
 * Target revisions have no business date: only the position matters. Of the revisions in effect
 * at P, the one with the highest position applies; otherwise the logframe's target.
 */
/** A snapshot of the target revisions and their voids. */
export interface TargetHistoryState {
  revisions: Revision[];
  voidedAt: Map<string, number>;
}

export class TargetHistory {
  private revisions: Revision[] = [];
  private voidedAt = new Map<string, number>();
  /** The revisions' event ids: every void of the log asks. */
  private ids = new Set<string>();

  save(): TargetHistoryState {
    return { revisions: this.revisions, voidedAt: this.voidedAt };
  }

  load(state: TargetHistoryState): void {
    this.revisions = state.revisions;
    this.voidedAt = state.voidedAt;
    this.ids = new Set(state.revisions.map((r) => r.eventId));
  }

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  record(revision: Revision): void {
    this.revisions.push(revision);
    this.ids.add(revision.eventId);
  }

  void(eventId: string, position: number): void {
    this.voidedAt.set(eventId, position);
  }

  /** The positions in (after, upTo] where an indicator's targets may change: its revisions and their voids. */
  changesBetween(after: number, upTo: number): Array<{ position: number; code: string }> {
    const inRange = (p: number | undefined): p is number => p !== undefined && p > after && p <= upTo;
    const changes: Array<{ position: number; code: string }> = [];
    for (const r of this.revisions) {
      if (inRange(r.position)) changes.push({ position: r.position, code: r.code });
      const voided = this.voidedAt.get(r.eventId);
      if (inRange(voided)) changes.push({ position: voided, code: r.code });
    }
    return changes;
  }

  at(code: string, position: number): TargetsInEffect {
    const targets: TargetsInEffect = { ...findIndicator(code)?.targets };
    for (const r of this.revisions) {
      if (r.code !== code || r.position > position) continue;
      const voided = this.voidedAt.get(r.eventId);
      if (voided !== undefined && voided <= position) continue;
      targets[r.period] = r.value; // revisions are kept in position order: the last one wins
    }
    return targets;
  }
}
