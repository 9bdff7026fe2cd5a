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
export class TargetHistory {
  private readonly revisions: Revision[] = [];
  private readonly voidedAt = new Map<string, number>();

  has(eventId: string): boolean {
    return this.revisions.some((r) => r.eventId === eventId);
  }

  record(revision: Revision): void {
    this.revisions.push(revision);
  }

  void(eventId: string, position: number): void {
    this.voidedAt.set(eventId, position);
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
