import type { Text } from '../logframe.js';

/** Shown wherever the demo history is loaded or displayed: none of it happened. */
export const DEMO_NOTICE: Text = {
  fr: 'Données de démonstration synthétiques : organisations, formations et cas sont fictifs et générés automatiquement.',
  en: 'Synthetic demo data: organisations, trainings and cases are fictitious and generated automatically.',
};

/** A fixed seed, so the history (and its head hash) is the same on every machine. */
export const DEMO_SEED = 20140923;

/** The user name written into every demo event's metadata. */
export const DEMO_RECORDED_BY = 'demo';
