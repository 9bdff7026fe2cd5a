/**
 * Commands at N concurrent connections through a failover, each with its own Idempotency-Key and
 * its own id (caseId, trainingId, csoId), so that an event in the log names the one command it
 * came from. It remembers what was acknowledged (201: eventId, position) and what was not
 * (an error, or no answer) so that those can be retried with the same key once the store is back.
 */
import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@jalon/event-store';
import { canonical } from './crash-workload.js';
import type { Api } from './support.js';

export interface Command {
  key: string;
  id: string;
  path: string;
  body: Record<string, unknown>;
  type: string;
}

export interface Ack {
  command: Command;
  eventId: string;
  position: number;
  sentAt: number;
  at: number;
}

/** A request without an answer this long counts as a hang. */
const ANSWER_WITHIN_MS = 60_000;
/** After a failed request a client waits this long: an outage is not a reason to spin. */
const BACKOFF_MS = 100;
const REGIONS = ['oriental', 'rabat-sale-kenitra', 'souss-massa', 'fes-meknes'];
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The id a command's event carries in its data. */
export const idOf = (data: Record<string, unknown>): string | undefined =>
  (data.caseId ?? data.trainingId ?? data.csoId) as string | undefined;

export class FailoverTraffic {
  readonly sent = new Map<string, Command>();
  readonly acks: Ack[] = [];
  /** Commands without a 201 yet, by key. */
  readonly unsettled = new Map<string, Command>();
  /** Answers other than 201, by status ("no connection", "no answer in 60 s" too). */
  readonly failures = new Map<string, number>();
  slowestMs = 0;
  private counter = 0;

  constructor(private readonly tag: string) {}

  /** A new command, remembered as sent. */
  next(): Command {
    const id = `${this.tag}-${++this.counter}`;
    const key = randomUUID();
    const command = this.make(id, key);
    this.sent.set(key, command);
    return command;
  }

  private make(id: string, key: string): Command {
    const roll = Math.random();
    if (roll < 0.5) {
      const body = {
        caseId: `c${id}`, identifiedOn: '2015-03-10', sex: pick(['female', 'male']), ageGroup: pick(['minor', 'adult']),
        nationality: pick(['NG', 'CM', 'SN']), exploitationType: pick(['sexual', 'labour', 'begging']), referredBy: pick(['cso', 'iom', 'self']),
      };
      return { key, id: body.caseId, path: '/api/v1/cases', body, type: 'VictimIdentified' };
    }
    if (roll < 0.85) {
      const body = {
        trainingId: `t${id}`, heldOn: '2015-02-10', audience: pick(['government', 'cso', 'iom_staff']),
        topic: 'Identification of presumed victims', region: pick(REGIONS),
        participants: { female: 1 + Math.floor(Math.random() * 20), male: Math.floor(Math.random() * 20) },
      };
      return { key, id: body.trainingId, path: '/api/v1/trainings', body, type: 'TrainingHeld' };
    }
    const body = { csoId: `o${id}`, name: 'Association Solidarité', region: pick(REGIONS), domains: ['protection'], mappedOn: '2015-01-15' };
    return { key, id: body.csoId, path: '/api/v1/csos', body, type: 'CsoMapped' };
  }

  /** Sends `command` once; the 201 is recorded, anything else leaves it unsettled. */
  async send(api: Api, token: string, command: Command): Promise<boolean> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const answer = await Promise.race([
      api('POST', command.path, { token, body: command.body, headers: { 'Idempotency-Key': command.key } }).then(
        (res) => res,
        () => 'no connection' as const,
      ),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`no answer in ${ANSWER_WITHIN_MS / 1000} s`), ANSWER_WITHIN_MS);
      }),
    ]);
    clearTimeout(timer);
    this.slowestMs = Math.max(this.slowestMs, Date.now() - started);
    if (typeof answer !== 'string' && answer.status === 201) {
      this.unsettled.delete(command.key);
      const [eventId] = answer.json.eventIds as string[];
      this.acks.push({ command, eventId, position: answer.json.position, sentAt: started, at: Date.now() });
      return true;
    }
    const why = typeof answer === 'string' ? answer : String(answer.status);
    this.failures.set(why, (this.failures.get(why) ?? 0) + 1);
    this.unsettled.set(command.key, command);
    return false;
  }

  /** `clients` loops of new commands until `stop()`. */
  async run(api: () => Api, token: string, clients: number, stop: () => boolean): Promise<void> {
    const client = async () => {
      while (!stop()) {
        const command = this.next();
        if (!(await this.send(api(), token, command))) await sleep(BACKOFF_MS);
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
  }

  /** What is wrong with the log: an acknowledged command missing or changed, a command twice, an event nobody sent. */
  check(log: EventEnvelope[], fromPosition: number): string[] {
    const problems: string[] = [];
    for (const { command, eventId, position } of this.acks) {
      const event = log[position - 1];
      const expected = canonical({ type: command.type, data: command.body });
      if (!event) problems.push(`acknowledged ${command.type} ${command.id} at ${position}: the log ends at ${log.length}`);
      else if (event.eventId !== eventId || canonical({ type: event.type, data: event.data }) !== expected)
        problems.push(`acknowledged ${command.type} ${command.id} (${eventId}) at ${position}: found ${JSON.stringify(event)}`);
    }
    const byId = new Map([...this.sent.values()].map((command) => [command.id, command]));
    const seen = new Map<string, number>();
    for (const event of log.slice(fromPosition)) {
      const id = idOf(event.data as Record<string, unknown>);
      const command = id === undefined ? undefined : byId.get(id);
      if (!command || canonical({ type: event.type, data: event.data }) !== canonical({ type: command.type, data: command.body }))
        problems.push(`position ${event.position} holds a ${event.type} nobody sent: ${JSON.stringify(event.data)}`);
      else if (seen.has(id!)) problems.push(`${id} is in the log twice: positions ${seen.get(id!)} and ${event.position}`);
      else seen.set(id!, event.position);
    }
    const eventIds = new Set(log.map((event) => event.eventId));
    if (eventIds.size !== log.length) problems.push(`${log.length - eventIds.size} event ids appear more than once`);
    return problems;
  }

  /** Ids of the sent commands that have an event in `log`. */
  found(log: EventEnvelope[]): Set<string> {
    const ids = new Set([...this.sent.values()].map((command) => command.id));
    return new Set(log.map((event) => idOf(event.data as Record<string, unknown>)).filter((id): id is string => id !== undefined && ids.has(id)));
  }
}
