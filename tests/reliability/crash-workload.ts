/**
 * A stream of valid commands from several concurrent clients, remembering what it sent and what
 * was acknowledged, so that after a crash the log can be checked against both.
 */
import type { EventEnvelope } from '@jalon/event-store';
import type { Api } from './support.js';

export interface Acknowledged {
  eventId: string;
  position: number;
  type: string;
  data: Record<string, unknown>;
}

/** Key order does not matter to the log (its hash is over canonical JSON): compare that way. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const REGIONS = ['oriental', 'rabat-sale-kenitra', 'souss-massa', 'fes-meknes'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

interface Sent {
  path: string;
  body: Record<string, unknown>;
  type: string;
  data: Record<string, unknown>;
}

export class Workload {
  /** Every command sent (acknowledged or not), by the canonical JSON of the data it would record. */
  readonly sent = new Map<string, string>();
  readonly acknowledged: Acknowledged[] = [];
  /** Cases whose identification was acknowledged: assistance may name them. */
  private readonly cases: string[] = [];
  private counter = 0;
  requests = 0;
  /** Answers other than 201 while the server was alive (connection errors are the crash). */
  readonly unexpected: string[] = [];

  constructor(private readonly tag: string) {}

  private next(): Sent {
    const id = `${this.tag}-${++this.counter}`;
    const roll = Math.random();
    if (roll < 0.3 && this.cases.length > 0) {
      const caseId = pick(this.cases);
      const body = { providedOn: '2015-06-01', assistanceType: pick(['shelter', 'medical', 'legal', 'avrr_return']) };
      return { path: `/api/v1/cases/${caseId}/assistance`, body, type: 'AssistanceProvided', data: { caseId, ...body } };
    }
    if (roll < 0.6) {
      const body = {
        caseId: `c${id}`,
        identifiedOn: '2015-03-10',
        sex: pick(['female', 'male']),
        ageGroup: pick(['minor', 'adult']),
        nationality: pick(['NG', 'CM', 'SN']),
        exploitationType: pick(['sexual', 'labour', 'begging']),
        referredBy: pick(['cso', 'iom', 'self']),
      };
      return { path: '/api/v1/cases', body, type: 'VictimIdentified', data: body };
    }
    if (roll < 0.85) {
      const body = {
        trainingId: `t${id}`,
        heldOn: '2015-02-10',
        audience: pick(['government', 'cso', 'iom_staff']),
        topic: 'Identification of presumed victims',
        region: pick(REGIONS),
        participants: { female: 1 + Math.floor(Math.random() * 20), male: Math.floor(Math.random() * 20) },
      };
      return { path: '/api/v1/trainings', body, type: 'TrainingHeld', data: body };
    }
    const body = { csoId: `o${id}`, name: 'Association Solidarité', region: pick(REGIONS), domains: ['protection'], mappedOn: '2015-01-15' };
    return { path: '/api/v1/csos', body, type: 'CsoMapped', data: body };
  }

  /** `clients` loops sending commands until `stop()` is true or the server is gone. */
  async run(api: Api, token: string, clients: number, stop: () => boolean): Promise<void> {
    const client = async () => {
      while (!stop()) {
        const command = this.next();
        this.sent.set(canonical({ type: command.type, data: command.data }), command.path);
        this.requests += 1;
        let res;
        try {
          res = await api('POST', command.path, { token, body: command.body });
        } catch {
          return; // the connection died: the server was killed
        }
        if (res.status !== 201) {
          this.unexpected.push(`${res.status} ${command.path} ${res.text.slice(0, 200)}`);
          continue;
        }
        const [eventId] = res.json.eventIds as string[];
        this.acknowledged.push({ eventId, position: res.json.position, type: command.type, data: command.data });
        if (command.type === 'VictimIdentified') this.cases.push(command.data.caseId as string);
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
  }

  /** What is wrong with the log after a restart, in the light of what was sent and acknowledged. */
  check(log: EventEnvelope[], fromPosition: number): string[] {
    const problems: string[] = [];
    for (const ack of this.acknowledged) {
      const event = log[ack.position - 1];
      if (!event) problems.push(`acknowledged ${ack.type} ${ack.eventId} at ${ack.position}: the log ends at ${log.length}`);
      else if (event.eventId !== ack.eventId || event.type !== ack.type || canonical(event.data) !== canonical(ack.data))
        problems.push(`acknowledged ${ack.type} ${ack.eventId} at ${ack.position}: found ${JSON.stringify(event)}`);
    }
    // Events recorded by this workload that were not acknowledged must still be whole commands.
    for (const event of log.slice(fromPosition)) {
      if (!this.sent.has(canonical({ type: event.type, data: event.data })))
        problems.push(`position ${event.position} holds a ${event.type} nobody sent: ${JSON.stringify(event.data)}`);
    }
    return problems;
  }
}
