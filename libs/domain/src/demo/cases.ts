import { addDays, minDate, PROJECT_END } from '../dates.js';
import { streamIds } from '../streams.js';
import type { AssistanceType } from '../vocabulary.js';
import { correction, type Plan, type Step } from './plan.js';
import type { Rng } from './random.js';
import { profile } from './victims.js';

/** Objectives OS1 and OS3: cases identified (1.1), assisted (1.2), returned (3.1), reintegrated (3.2). */

type Outcome = 'return' | 'declined' | 'lost' | 'local' | 'open' | 'recent';

interface Case {
  caseId: string;
  identifiedOn: string;
  identification: Step;
  outcome: Outcome;
}

/** Rough yearly intake (1.1 targets: 5 by end 2014, 35 by end 2015, 60 in all): a little short. */
const INTAKE = [
  { from: '2014-09-15', to: '2014-12-19', cases: 6 },
  { from: '2015-01-06', to: '2015-12-18', cases: 30 },
  { from: '2016-01-05', to: '2016-12-09', cases: 22 },
];

/**
 * Returns and reintegration start late (3.1, 3.2 and 3.3 lag through 2015, then catch up): in 2015
 * consulates take months to issue travel documents, and reintegration support waits for the
 * partners in the countries of origin, contracted at the end of the year.
 */
const SLOW_DOCUMENTS = { from: '2014-11-01', to: '2015-10-31' };
const REINTEGRATION_FROM = '2015-12-01';

const FIRST_AID: ReadonlyArray<readonly [AssistanceType, number]> = [
  ['medical', 4], ['psychosocial', 4], ['shelter', 3], ['material', 3], ['legal', 2],
];

export function planCases(rng: Rng, plan: Plan): void {
  const cases = identifyCases(rng);
  assignOutcomes(rng, cases);
  const returns = cases.filter((c) => c.outcome === 'return').map((c) => ({ c, on: returnDay(rng, c) }));
  const reintegrated = new Set(rng.sample(returns.filter((r) => r.on <= '2016-11-15'), 24).map((r) => r.c));
  const returnOn = new Map(returns.map((r) => [r.c, r.on]));
  const corrected = rng.pick(cases.filter((c) => c.outcome === 'return' && c.identifiedOn.startsWith('2015')));
  const mistaken = rng.pick(cases.filter((c) => c !== corrected && c.outcome === 'open' && c.identifiedOn < '2016-06-01'));
  for (const c of cases) {
    if (c === corrected) plan.add(...wrongNationality(rng, c));
    else plan.add(c.identification);
    plan.add(...timeline(rng, c, returnOn.get(c), reintegrated.has(c)));
    if (c === mistaken) plan.add(...mistakenAssistance(rng, c));
  }
}

function identifyCases(rng: Rng): Case[] {
  const days = INTAKE.flatMap((y) => rng.dates(y.from, y.to, y.cases));
  const minors = new Set(rng.sample(days.map((_, i) => i), 5));
  const perYear = new Map<string, number>();
  return days.map((identifiedOn, i) => {
    const year = identifiedOn.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const caseId = `C-${year}-${String(seq).padStart(3, '0')}`;
    const body = { caseId, identifiedOn, ...profile(rng, minors.has(i)) };
    const identification: Step = { streamId: streamIds.case(caseId), command: 'IdentifyVictim', body, on: identifiedOn };
    return { caseId, identifiedOn, identification, outcome: 'open' as Outcome };
  });
}

/** The latest four wait for assistance; a few decline or are lost; 31 return home (3.1 target: 30). */
function assignOutcomes(rng: Rng, cases: Case[]): void {
  for (const c of cases.slice(-4)) c.outcome = 'recent';
  const mid = cases.filter((c) => c.outcome === 'open' && c.identifiedOn >= '2015-01-01' && c.identifiedOn < '2016-07-01');
  const roles: Outcome[] = ['lost', 'declined', 'local', 'declined', 'lost', 'local'];
  rng.sample(mid, roles.length).forEach((c, i) => (c.outcome = roles[i]));
  const eligible = cases.filter((c) => c.outcome === 'open' && c.identifiedOn <= '2016-07-31');
  for (const c of rng.sample(eligible, 31)) c.outcome = 'return';
}

/** AVRR takes one to four months (travel documents, family tracing, a flight); six to eleven while documents are slow. */
function returnDay(rng: Rng, c: Case): string {
  const slow = c.identifiedOn >= SLOW_DOCUMENTS.from && c.identifiedOn <= SLOW_DOCUMENTS.to;
  return addDays(c.identifiedOn, slow ? rng.int(180, 330) : rng.int(35, 110));
}

function timeline(rng: Rng, c: Case, returnOn: string | undefined, reintegrated: boolean): Step[] {
  if (c.outcome === 'recent') return [];
  if (c.outcome === 'declined') return [closure(c, addDays(c.identifiedOn, rng.int(2, 10)), 'declined')];
  const steps = firstAid(rng, c);
  if (c.identification.body.ageGroup === 'minor' || (returnOn && rng.chance(0.3)))
    steps.push(assistance(c, addDays(c.identifiedOn, rng.int(22, 30)), 'family_tracing'));
  if (c.outcome === 'lost') steps.push(closure(c, addDays(c.identifiedOn, rng.int(35, 70)), 'lost_contact'));
  if (c.outcome === 'local') steps.push(closure(c, minDate(addDays(c.identifiedOn, rng.int(60, 200)), PROJECT_END), 'other'));
  if (returnOn) steps.push(...homecoming(rng, c, returnOn, reintegrated));
  return steps;
}

/** One to three kinds of immediate help within three weeks of identification. */
function firstAid(rng: Rng, c: Case): Step[] {
  const kinds = new Set<AssistanceType>();
  const wanted = rng.int(1, 3);
  while (kinds.size < wanted) kinds.add(rng.weighted(FIRST_AID));
  const days = rng.dates(c.identifiedOn, minDate(addDays(c.identifiedOn, 21), PROJECT_END), wanted);
  return [...kinds].map((kind, i) => assistance(c, days[i], kind));
}

function homecoming(rng: Rng, c: Case, returnOn: string, reintegrated: boolean): Step[] {
  const steps = [assistance(c, returnOn, 'avrr_return')];
  if (!reintegrated) {
    const closedOn = addDays(returnOn, rng.int(5, 30));
    if (closedOn <= PROJECT_END) steps.push(closure(c, closedOn, 'returned'));
    return steps;
  }
  const supportOn = addDays(returnOn > REINTEGRATION_FROM ? returnOn : REINTEGRATION_FROM, rng.int(14, 45));
  steps.push(assistance(c, supportOn, 'reintegration'));
  const closedOn = addDays(supportOn, rng.int(90, 240));
  if (closedOn <= PROJECT_END) steps.push(closure(c, closedOn, 'reintegrated'));
  return steps;
}

function assistance(c: Case, providedOn: string, assistanceType: AssistanceType): Step {
  return { streamId: c.identification.streamId, command: 'ProvideAssistance', body: { providedOn, assistanceType }, pathId: c.caseId, on: providedOn };
}

function closure(c: Case, closedOn: string, reason: string): Step {
  return { streamId: c.identification.streamId, command: 'CloseCase', body: { closedOn, reason }, pathId: c.caseId, on: closedOn };
}

/** Codes a hurried entry confuses with the right one. */
const LOOKALIKE: Record<string, string> = { NG: 'NE', CM: 'CF', CI: 'CV', GN: 'GW', SN: 'SL', CD: 'CG', ML: 'MR', PH: 'PK', BD: 'BJ' };

/** A correction: the case was first recorded with a look-alike nationality code. */
function wrongNationality(rng: Rng, c: Case): Step[] {
  const right = c.identification;
  const nationality = right.body.nationality as string;
  const wrong: Step = { ...right, body: { ...right.body, nationality: LOOKALIKE[nationality] } };
  const reason = `Nationalité saisie par erreur : ${LOOKALIKE[nationality]} au lieu de ${nationality}`;
  return [wrong, ...correction(wrong, addDays(c.identifiedOn, rng.int(12, 20)), reason, right)];
}

/** A plain void: legal aid recorded on this case by mistake, voided a few days later. */
function mistakenAssistance(rng: Rng, c: Case): Step[] {
  const wrong = assistance(c, addDays(c.identifiedOn, rng.int(1, 10)), 'legal');
  return [wrong, ...correction(wrong, addDays(wrong.on, rng.int(2, 7)), 'Assistance saisie sur le mauvais dossier')];
}
