import { addDays } from '../dates.js';
import { streamIds } from '../streams.js';
import type { Audience, Region } from '../vocabulary.js';
import { correction, type Plan, type Step } from './plan.js';
import type { Rng } from './random.js';

/** Activities A2-A4: trainings of CSO staff (2.2), officials (2.1) and IOM staff (2.3). */

interface Batch {
  audience: Audience;
  from: string;
  to: string;
  sessions: number;
  /** Participants of the batch in all. */
  participants: number;
}

/**
 * The story the totals tell (2.1-2.3 targets): officials' trainings run ahead until the mid-term
 * review raises their target, then 2016's sessions are cut short by the run-up to the October
 * elections and 2.1 ends behind; CSO trainings wait for the mapping and start only in spring 2015,
 * then catch up; IOM staff are trained as planned.
 */
const BATCHES: readonly Batch[] = [
  { audience: 'iom_staff', from: '2014-09-22', to: '2014-12-10', sessions: 2, participants: 9 },
  { audience: 'government', from: '2014-10-06', to: '2014-12-16', sessions: 2, participants: 24 },
  { audience: 'government', from: '2015-01-19', to: '2015-12-10', sessions: 6, participants: 70 },
  { audience: 'cso', from: '2015-04-13', to: '2015-12-04', sessions: 5, participants: 45 },
  { audience: 'iom_staff', from: '2015-02-02', to: '2015-11-27', sessions: 2, participants: 7 },
  { audience: 'government', from: '2016-01-18', to: '2016-09-16', sessions: 4, participants: 36 },
  { audience: 'cso', from: '2016-01-25', to: '2016-11-25', sessions: 6, participants: 52 },
  { audience: 'iom_staff', from: '2016-02-01', to: '2016-10-28', sessions: 2, participants: 4 },
];

const FEMALE_SHARE: Record<Audience, number> = { government: 0.3, cso: 0.6, iom_staff: 0.6 };

const REGIONS_OF: Record<Audience, ReadonlyArray<readonly [Region, number]>> = {
  government: [['rabat-sale-kenitra', 5], ['casablanca-settat', 3], ['tanger-tetouan-al-hoceima', 2], ['oriental', 2], ['fes-meknes', 1], ['souss-massa', 1], ['marrakech-safi', 1]],
  cso: [['rabat-sale-kenitra', 4], ['casablanca-settat', 3], ['oriental', 3], ['tanger-tetouan-al-hoceima', 2], ['fes-meknes', 1], ['souss-massa', 1]],
  iom_staff: [['rabat-sale-kenitra', 5], ['casablanca-settat', 1]],
};

const TOPICS: Record<Audience, readonly string[]> = {
  government: [
    'Identification des victimes de la traite : indicateurs et orientation',
    'Cadre juridique international : le Protocole de Palerme',
    'Enquêtes et poursuites centrées sur les victimes',
    'Protection des enfants victimes de la traite',
  ],
  cso: [
    'Identification et orientation des victimes de la traite',
    'Prise en charge psychosociale des victimes',
    'Assistance juridique aux migrants victimes de la traite',
    'Hébergement sécurisé et gestion de cas',
  ],
  iom_staff: [
    "Assistance directe aux victimes dans le cadre de l'AVRR",
    'Entretien avec les victimes : approche centrée sur la victime',
  ],
};

interface Session {
  audience: Audience;
  heldOn: string;
  size: number;
}

export function planTrainings(rng: Rng, plan: Plan): void {
  const sessions = BATCHES.flatMap((b) => {
    const days = rng.dates(b.from, b.to, b.sessions);
    return rng.split(b.participants, b.sessions, 2).map((size, i) => ({ audience: b.audience, heldOn: days[i], size }));
  });
  sessions.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  const steps = sessions.map((s, i) => trainingStep(rng, s, i));
  const backDated = rng.pick(steps.filter((s) => s.body.audience === 'cso' && s.on.startsWith('2015-0')));
  // Attendance sheets that reach the office months late: recorded long after the business date.
  backDated.lagDays = rng.int(140, 170);
  const corrected = rng.pick(steps.filter((s) => s.body.audience === 'government' && s.on.startsWith('2015')));
  for (const step of steps) plan.add(...(step === corrected ? withTypo(rng, step) : [step]));
}

function trainingStep(rng: Rng, s: Session, index: number): Step {
  const trainingId = `TR-${s.heldOn.slice(0, 4)}-${String(index + 1).padStart(3, '0')}`;
  const female = Math.max(0, Math.min(s.size, Math.round(s.size * FEMALE_SHARE[s.audience]) + rng.int(-1, 1)));
  const participants = { female, male: s.size - female };
  const body: Record<string, unknown> = {
    trainingId,
    heldOn: s.heldOn,
    audience: s.audience,
    topic: rng.pick(TOPICS[s.audience]),
    region: rng.weighted(REGIONS_OF[s.audience]),
    participants,
  };
  if (s.audience === 'iom_staff' || rng.chance(0.8)) {
    const tested = s.size - rng.int(0, Math.min(2, s.size - 1));
    body.knowledgeTest = { tested, improved: Math.round((tested * rng.int(62, 92)) / 100) };
  }
  return { streamId: streamIds.training(trainingId), command: 'HoldTraining', body, on: s.heldOn };
}

/**
 * A correction: the men were first typed with their digits swapped, or ten too many; always more
 * than right, so the recorded knowledge test still fits the (wrong) participants.
 */
function withTypo(rng: Rng, right: Step): Step[] {
  const participants = right.body.participants as { female: number; male: number };
  const digits = String(participants.male);
  const swapped = Number([...digits].reverse().join(''));
  const male = swapped > participants.male ? swapped : participants.male + 10;
  const wrong: Step = { ...right, body: { ...right.body, participants: { ...participants, male } } };
  const reason = `Nombre d'hommes mal saisi : ${male} au lieu de ${participants.male}`;
  return [wrong, ...correction(wrong, addDays(right.on, rng.int(8, 20)), reason, right)];
}
