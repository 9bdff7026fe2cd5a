import fc from 'fast-check';
import {
  decide,
  emptyStream,
  evolve,
  parseCommand,
  streamOfCommand,
  type CommandType,
  type EventEnvelope,
  type StreamState,
} from '@jalon/domain';

/**
 * Random histories that obey every rule by construction: random intents go through the domain's
 * parseCommand and decide, and only what decide accepts is logged. Dates cluster on period and
 * year boundaries, ids on small pools, so that conflicts, voids and re-records are frequent.
 */
const DATES = ['2014-09-01', '2014-09-30', '2014-12-31', '2015-01-01', '2015-03-31', '2015-07-01', '2015-12-31', '2016-02-29', '2016-09-30', '2016-12-31'];
const date = fc.oneof(
  fc.constantFrom(...DATES),
  fc.integer({ min: 0, max: 852 }).map((d) => new Date(Date.UTC(2014, 8, 1 + d)).toISOString().slice(0, 10)),
);
const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const small = fc.integer({ min: 0, max: 6 });

type Intent = { command: CommandType; body: Record<string, unknown>; pathId?: string } | { void: number };

const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ id: pick('a', 'b', 'c'), d: date, region: pick('oriental', 'souss-massa') }).map(({ id, d, region }) => ({
    command: 'MapCso' as const,
    body: { csoId: id, name: `CSO ${id}`, region, domains: ['protection'], mappedOn: d },
  })),
  fc.record({ id: pick('a', 'b', 'c'), d: date }).map(({ id, d }) => ({
    command: 'AssessCso' as const,
    pathId: id,
    body: { assessedOn: d, scores: { governance: 2, finance: 3, humanResources: 1, programme: 4, protection: 2 } },
  })),
  fc.record({ id: pick('a', 'b', 'c'), d: date }).map(({ id, d }) => ({
    command: 'SignAgreement' as const,
    pathId: id,
    body: { signedOn: d, agreementRef: `AG-${id}` },
  })),
  fc
    .record({ id: pick('t1', 't2', 't3', 't4'), d: date, audience: pick('government', 'cso', 'iom_staff'), region: pick('oriental', 'fes-meknes'), female: small, male: small, tested: fc.option(small), improved: small })
    .map(({ id, d, audience, region, female, male, tested, improved }) => {
      const participants = { female: female + male === 0 ? 1 : female, male };
      const t = tested === null ? undefined : Math.min(tested, participants.female + male);
      const knowledgeTest = t === undefined ? {} : { knowledgeTest: { tested: t, improved: Math.min(improved, t) } };
      return {
        command: 'HoldTraining' as const,
        body: { trainingId: id, heldOn: d, audience, topic: 'counter-trafficking', region, participants, ...knowledgeTest },
      };
    }),
  fc
    .record({ id: pick('c1', 'c2', 'c3', 'c4', 'c5', 'c6'), d: date, sex: pick('female', 'male'), age: pick('minor', 'adult'), nat: pick('NG', 'CM', 'MA'), exp: pick('sexual', 'labour'), ref: pick('cso', 'self') })
    .map(({ id, d, sex, age, nat, exp, ref }) => ({
      command: 'IdentifyVictim' as const,
      body: { caseId: id, identifiedOn: d, sex, ageGroup: age, nationality: nat, exploitationType: exp, referredBy: ref },
    })),
  {
    weight: 4,
    arbitrary: fc.record({ id: pick('c1', 'c2', 'c3', 'c4', 'c5', 'c6'), d: date, type: pick('medical', 'avrr_return', 'reintegration', 'shelter') }).map(({ id, d, type }) => ({
      command: 'ProvideAssistance' as const,
      pathId: id,
      body: { providedOn: d, assistanceType: type },
    })),
  },
  fc.record({ id: pick('c1', 'c2', 'c3'), d: date }).map(({ id, d }) => ({
    command: 'CloseCase' as const,
    pathId: id,
    body: { closedOn: d, reason: 'returned' },
  })),
  fc.record({ code: pick('1.1', '2.1', '3.3'), period: pick('2014', '2015', '2016'), value: fc.integer({ min: 0, max: 90 }) }).map(({ code, period, value }) => ({
    command: 'SetTarget' as const,
    pathId: code,
    body: { period, value, reason: 'revision' },
  })),
  fc.nat().map((n) => ({ void: n })),
);

function uuidFor(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** Runs intents through the rules; returns the accepted events as a log. */
export function historyFrom(intents: Intent[]): Array<Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'streamId' | 'data'>> {
  const log: Array<Pick<EventEnvelope, 'position' | 'eventId' | 'type' | 'streamId' | 'data'>> = [];
  const streams = new Map<string, StreamState>();
  for (const i of intents) {
    let command;
    let streamId: string | undefined;
    if ('void' in i) {
      const targets = log.filter((e) => e.type !== 'EventVoided');
      if (targets.length === 0) continue;
      const target = targets[i.void % targets.length];
      const parsed = parseCommand('VoidEvent', { reason: 'correction' }, target.eventId);
      if (!parsed.ok) throw new Error(parsed.error.message);
      command = parsed.value;
      streamId = target.streamId;
    } else {
      const parsed = parseCommand(i.command, i.body, i.pathId);
      if (!parsed.ok) continue; // e.g. a target period a percent indicator does not take
      command = parsed.value;
      streamId = streamOfCommand(command)!;
    }
    const state = streams.get(streamId) ?? emptyStream;
    const decision = decide(command, state);
    if (!decision.ok) continue;
    let next = state;
    for (const event of decision.value) {
      const eventId = uuidFor(log.length + 1);
      log.push({ position: log.length + 1, eventId, type: event.type, data: event.data, streamId });
      next = evolve(next, { eventId, ...event });
    }
    streams.set(streamId, next);
  }
  return log;
}

export const randomHistory = (maxLength = 150) =>
  fc.array(intent, { minLength: 1, maxLength, size: 'max' }).map(historyFrom);

/** Evaluation dates: before, at and after the project's bounds, and boundaries in between. */
export const evaluationDate = fc.oneof(
  fc.constantFrom('2014-01-01', '2014-08-31', ...DATES, '2017-06-30', '2020-01-01'),
  date,
);
