import { streamIds } from '../streams.js';
import type { Plan } from './plan.js';

/** One target revision: after the mid-term review, the end-of-project target of 2.1 goes up. */
export function planTargets(plan: Plan): void {
  plan.add({
    streamId: streamIds.indicator('2.1'),
    command: 'SetTarget',
    pathId: '2.1',
    body: {
      period: '2016',
      value: 165,
      reason: 'Revue à mi-parcours : deux sessions supplémentaires demandées pour les magistrats et la police des frontières',
    },
    on: '2015-07-06',
    lagDays: 0,
  });
}
