import { planCases } from './cases.js';
import { planCsos } from './csos.js';
import { DEMO_SEED } from './notice.js';
import { Plan } from './plan.js';
import { createRng } from './random.js';
import type { EventEnvelope, NewEvent } from '../envelope.js';
import { recordAll } from './record.js';
import { schedule } from './schedule.js';
import { planTargets } from './targets.js';
import { planTrainings } from './trainings.js';

export { DEMO_NOTICE, DEMO_RECORDED_BY, DEMO_SEED } from './notice.js';

/**
 * The bundled project's synthetic history, 2014-09 to 2016-12, in log order: each entry is the
 * event to append and its stream. Pure and deterministic: the same seed gives the same ids,
 * the same recording times and so the same head hash everywhere.
 */
export function demoHistory(): Array<NewEvent & Pick<EventEnvelope, 'streamId'>> {
  const rng = createRng(DEMO_SEED);
  const plan = new Plan();
  planCsos(rng, plan);
  planTrainings(rng, plan);
  planCases(rng, plan);
  planTargets(plan);
  // Ids come from a generator of their own, drawn in log order: a change to the plan leaves the
  // ids' sequence as it was.
  return recordAll(schedule(rng, plan), createRng(DEMO_SEED + 1));
}
