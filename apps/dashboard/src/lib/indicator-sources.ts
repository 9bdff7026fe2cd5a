/**
 * Which recorded facts an indicator counts (its means of verification, DOMAIN.md's table), and
 * which events of the log contribute to it: what the detail page lists for managers and auditors.
 */
import type { LogEvent } from './api.js';

interface Source {
  /** The event types that count as its means of verification, in DOMAIN.md's order. */
  verifiedBy: string[];
  /** The event type whose events contribute, and which of them. */
  contributing: string;
  accepts: (data: Record<string, unknown>) => boolean;
}

const any = () => true;
const assistance = (type?: string) => (d: Record<string, unknown>) => type === undefined || d.assistanceType === type;
const audience = (a: string) => (d: Record<string, unknown>) => d.audience === a;
const CASES = ['VictimIdentified', 'AssistanceProvided'];

export const SOURCES: Record<string, Source> = {
  '1.1': { verifiedBy: ['VictimIdentified'], contributing: 'VictimIdentified', accepts: any },
  '1.2': { verifiedBy: CASES, contributing: 'AssistanceProvided', accepts: assistance() },
  '1.3': { verifiedBy: CASES, contributing: 'AssistanceProvided', accepts: assistance() },
  '2.1': { verifiedBy: ['TrainingHeld'], contributing: 'TrainingHeld', accepts: audience('government') },
  '2.2': { verifiedBy: ['TrainingHeld'], contributing: 'TrainingHeld', accepts: audience('cso') },
  '2.3': { verifiedBy: ['TrainingHeld'], contributing: 'TrainingHeld', accepts: audience('iom_staff') },
  '2.4': { verifiedBy: ['TrainingHeld'], contributing: 'TrainingHeld', accepts: (d) => d.knowledgeTest !== undefined },
  '2.5': { verifiedBy: ['CsoMapped'], contributing: 'CsoMapped', accepts: any },
  '2.6': { verifiedBy: ['CsoMapped', 'CsoCapacityAssessed'], contributing: 'CsoCapacityAssessed', accepts: any },
  '2.7': { verifiedBy: ['CsoMapped', 'PartnershipAgreementSigned'], contributing: 'PartnershipAgreementSigned', accepts: any },
  '3.1': { verifiedBy: CASES, contributing: 'AssistanceProvided', accepts: assistance('avrr_return') },
  '3.2': { verifiedBy: CASES, contributing: 'AssistanceProvided', accepts: assistance('reintegration') },
  '3.3': { verifiedBy: CASES, contributing: 'AssistanceProvided', accepts: (d) => d.assistanceType === 'avrr_return' || d.assistanceType === 'reintegration' },
};

const BUSINESS_DATES = ['mappedOn', 'assessedOn', 'signedOn', 'heldOn', 'identifiedOn', 'providedOn', 'closedOn'];

export function businessDateOf(e: LogEvent): string | undefined {
  for (const k of BUSINESS_DATES) if (typeof e.data[k] === 'string') return e.data[k] as string;
  return undefined;
}

/**
 * The contributing events at a moment, newest first: of the right type and kind, dated on or
 * before `asOf`, not voided by a void among `voids` (all known at the same position).
 */
export function contributingEvents(code: string, events: LogEvent[], voids: LogEvent[], asOf: string): LogEvent[] {
  const source = SOURCES[code];
  if (!source) return [];
  const voided = new Set(voids.map((v) => v.data.eventId));
  return events
    .filter((e) => e.type === source.contributing && source.accepts(e.data) && !voided.has(e.eventId))
    .filter((e) => (businessDateOf(e) ?? '') <= asOf)
    .sort((a, b) => b.position - a.position);
}

export interface TargetRevision {
  position: number;
  eventId: string;
  period: string;
  value: number;
  reason: string;
  recordedBy: string;
  recordedAt: string;
  voided: boolean;
}

/** The revisions of one indicator's targets, oldest first, each saying whether a void undid it. */
export function targetRevisions(code: string, events: LogEvent[], voids: LogEvent[]): TargetRevision[] {
  const voided = new Set(voids.map((v) => v.data.eventId));
  return events
    .filter((e) => e.type === 'IndicatorTargetSet' && e.data.code === code)
    .map((e) => ({
      position: e.position,
      eventId: e.eventId,
      period: String(e.data.period),
      value: Number(e.data.value),
      reason: String(e.data.reason),
      recordedBy: e.metadata.recordedBy,
      recordedAt: e.metadata.recordedAt,
      voided: voided.has(e.eventId),
    }));
}
