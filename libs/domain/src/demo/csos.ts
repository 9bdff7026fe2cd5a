import { addDays, PROJECT_END } from '../dates.js';
import { CSO_DOMAINS, REGIONS, type Region } from '../vocabulary.js';
import { streamIds } from '../streams.js';
import { CITIES, CSO_KINDS, CSO_REGIONS, CSO_SUFFIX, CSO_WORDS } from './places.js';
import { correction, type Plan, type Step } from './plan.js';
import type { Rng } from './random.js';

/** Activity A1: CSOs mapped (2.5), assessed (2.6) and in a partnership agreement (2.7). */

interface Cso {
  csoId: string;
  region: Region;
  mappedOn: string;
  mapping: Step;
}

export function planCsos(rng: Rng, plan: Plan): void {
  const csos = mapCsos(rng);
  const corrected = rng.pick(csos.filter((c) => c.mappedOn >= '2015-01-01'));
  for (const cso of csos) if (cso !== corrected) plan.add(cso.mapping);
  correctRegion(rng, plan, corrected);
  const assessedOn = assessCsos(rng, plan, csos);
  signAgreements(rng, plan, csos, assessedOn);
}

/**
 * Most mapping happens in the first months; the field teams find far more CSOs than the 40 the
 * logframe expected (2.5 targets: 25 by end 2014, 40 by end 2015) and keep adding some in 2016.
 */
function mapCsos(rng: Rng): Cso[] {
  const days = [
    ...rng.dates('2014-09-08', '2014-12-19', 29),
    ...rng.dates('2015-01-12', '2015-12-15', 21),
    ...rng.dates('2016-02-01', '2016-06-30', 6),
  ];
  const names = new Set<string>();
  return days.map((mappedOn, i) => {
    const csoId = `CSO-${String(i + 1).padStart(3, '0')}`;
    const region = rng.weighted(CSO_REGIONS);
    const city = rng.pick(CITIES[region]);
    const body = { csoId, name: uniqueName(rng, names, city), region, city, domains: domains(rng), mappedOn };
    return { csoId, region, mappedOn, mapping: mapStep(body) };
  });
}

function mapStep(body: Record<string, unknown>): Step {
  const csoId = body.csoId as string;
  return { streamId: streamIds.cso(csoId), command: 'MapCso', body, on: body.mappedOn as string };
}

function uniqueName(rng: Rng, taken: Set<string>, city: string): string {
  for (;;) {
    const name = `${rng.pick(CSO_KINDS)} ${rng.pick(CSO_WORDS)} ${city} ${CSO_SUFFIX}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Protection or social assistance first (the mapping's scope), then one or two more. */
function domains(rng: Rng): string[] {
  const first = rng.pick(['protection', 'social_assistance'] as const);
  const others = rng.sample(CSO_DOMAINS.filter((d) => d !== first), rng.int(0, 2));
  return [first, ...others];
}

/** 22 CSOs assessed (2.6 targets: 5, 15, 20), three of them again in 2016. */
function assessCsos(rng: Rng, plan: Plan, csos: Cso[]): Map<Cso, string> {
  const days = [
    ...rng.dates('2014-10-20', '2014-12-22', 6),
    ...rng.dates('2015-01-20', '2015-12-10', 10),
    ...rng.dates('2016-01-18', '2016-09-30', 6),
  ];
  const assessedOn = new Map<Cso, string>();
  for (const day of days) {
    const candidates = csos.filter((c) => !assessedOn.has(c) && addDays(c.mappedOn, 21) <= day);
    const cso = rng.pick(candidates);
    assessedOn.set(cso, day);
    plan.add(assessStep(cso, day, scores(rng, 1)));
  }
  const again = rng.sample([...assessedOn].filter(([, day]) => day < '2015-10-01'), 3);
  for (const [cso] of again) plan.add(assessStep(cso, rng.date('2016-03-01', '2016-11-30'), scores(rng, 2)));
  return assessedOn;
}

function assessStep(cso: Cso, assessedOn: string, scores: Record<string, number>): Step {
  return { streamId: cso.mapping.streamId, command: 'AssessCso', body: { assessedOn, scores }, pathId: cso.csoId, on: assessedOn };
}

/** Scores 1-4; a second assessment shows the capacity built since. */
function scores(rng: Rng, round: 1 | 2): Record<string, number> {
  const score = () => Math.min(4, rng.int(1, 3) + (round === 2 ? 1 : 0));
  return { governance: score(), finance: score(), humanResources: score(), programme: score(), protection: score() };
}

/**
 * Six agreements (2.7 targets: 0, 3, 6), each some months after the CSO's assessment. The model
 * agreement waits for clearance until December 2015, so only one is signed in 2015 and five in 2016.
 */
function signAgreements(rng: Rng, plan: Plan, csos: Cso[], assessedOn: Map<Cso, string>): void {
  const days = [rng.date('2015-12-07', '2015-12-18'), ...rng.dates('2016-02-15', '2016-10-31', 5)];
  const signed = new Set<Cso>();
  days.forEach((signedOn, i) => {
    const ready = csos.filter((c) => !signed.has(c) && (assessedOn.get(c) ?? PROJECT_END) <= addDays(signedOn, -45));
    const cso = rng.pick(ready);
    signed.add(cso);
    const agreementRef = `OIM-RABAT/CT/${signedOn.slice(0, 4)}/${String(i + 1).padStart(2, '0')}`;
    plan.add({ streamId: cso.mapping.streamId, command: 'SignAgreement', body: { signedOn, agreementRef }, pathId: cso.csoId, on: signedOn });
  });
}

/** A correction: one CSO first mapped in the wrong region, voided and mapped again. */
function correctRegion(rng: Rng, plan: Plan, cso: Cso): void {
  const right = cso.mapping;
  const wrongRegion = rng.pick(REGIONS.filter((r) => r !== cso.region));
  const wrong = mapStep({ ...right.body, region: wrongRegion });
  const reason = `Région saisie par erreur : ${wrongRegion} au lieu de ${cso.region}`;
  plan.add(wrong, ...correction(wrong, addDays(cso.mappedOn, rng.int(6, 15)), reason, right));
}
