import type { CommandOf } from '../commands.js';
import type { EventData, EventOf } from '../events.js';

/**
 * Valid examples of every event's data and of the commands asking for them. Each takes overrides,
 * so that a test states only what matters to it.
 */

export const CSO_ID = 'amal-rabat';
export const TRAINING_ID = 'tr-2015-03-oujda';
export const CASE_ID = 'case-0042';

type Overrides<T> = Partial<T>;

export const csoMappedData = (o: Overrides<EventData<'CsoMapped'>> = {}): EventData<'CsoMapped'> => ({
  csoId: CSO_ID,
  name: 'Association Amal',
  region: 'rabat-sale-kenitra',
  city: 'Rabat',
  domains: ['protection', 'shelter'],
  mappedOn: '2015-01-10',
  ...o,
});

export const assessedData = (
  o: Overrides<EventData<'CsoCapacityAssessed'>> = {},
): EventData<'CsoCapacityAssessed'> => ({
  csoId: CSO_ID,
  assessedOn: '2015-02-10',
  scores: { governance: 3, finance: 2, humanResources: 4, programme: 3, protection: 1 },
  ...o,
});

export const agreementData = (
  o: Overrides<EventData<'PartnershipAgreementSigned'>> = {},
): EventData<'PartnershipAgreementSigned'> => ({
  csoId: CSO_ID,
  signedOn: '2015-03-10',
  agreementRef: 'IOM-RBA-2015-007',
  ...o,
});

export const trainingData = (o: Overrides<EventData<'TrainingHeld'>> = {}): EventData<'TrainingHeld'> => ({
  trainingId: TRAINING_ID,
  heldOn: '2015-03-18',
  audience: 'government',
  topic: 'Identifying presumed victims of trafficking',
  region: 'oriental',
  participants: { female: 7, male: 11 },
  knowledgeTest: { tested: 15, improved: 12 },
  ...o,
});

export const victimData = (o: Overrides<EventData<'VictimIdentified'>> = {}): EventData<'VictimIdentified'> => ({
  caseId: CASE_ID,
  identifiedOn: '2015-04-01',
  sex: 'female',
  ageGroup: 'adult',
  nationality: 'NG',
  exploitationType: 'sexual',
  referredBy: 'cso',
  ...o,
});

export const assistanceData = (
  o: Overrides<EventData<'AssistanceProvided'>> = {},
): EventData<'AssistanceProvided'> => ({
  caseId: CASE_ID,
  providedOn: '2015-04-15',
  assistanceType: 'shelter',
  ...o,
});

export const closureData = (o: Overrides<EventData<'CaseClosed'>> = {}): EventData<'CaseClosed'> => ({
  caseId: CASE_ID,
  closedOn: '2015-06-30',
  reason: 'returned',
  ...o,
});

export const targetData = (
  o: Overrides<EventData<'IndicatorTargetSet'>> = {},
): EventData<'IndicatorTargetSet'> => ({
  code: '1.1',
  period: '2015',
  value: 40,
  reason: 'Mid-term review raised the 2015 target',
  ...o,
});

export const voidData = (o: Overrides<EventData<'EventVoided'>> = {}): EventData<'EventVoided'> => ({
  eventId: '00000000-0000-4000-8000-000000000000',
  reason: 'Recorded by mistake',
  ...o,
});

// Events, as decide returns them and evolve reads them.
export const csoMapped = (o = {} as Overrides<EventData<'CsoMapped'>>): EventOf<'CsoMapped'> => ({
  type: 'CsoMapped',
  data: csoMappedData(o),
});
export const csoAssessed = (o = {} as Overrides<EventData<'CsoCapacityAssessed'>>): EventOf<'CsoCapacityAssessed'> => ({
  type: 'CsoCapacityAssessed',
  data: assessedData(o),
});
export const agreementSigned = (
  o = {} as Overrides<EventData<'PartnershipAgreementSigned'>>,
): EventOf<'PartnershipAgreementSigned'> => ({ type: 'PartnershipAgreementSigned', data: agreementData(o) });
export const trainingHeld = (o = {} as Overrides<EventData<'TrainingHeld'>>): EventOf<'TrainingHeld'> => ({
  type: 'TrainingHeld',
  data: trainingData(o),
});
export const victimIdentified = (o = {} as Overrides<EventData<'VictimIdentified'>>): EventOf<'VictimIdentified'> => ({
  type: 'VictimIdentified',
  data: victimData(o),
});
export const assistanceProvided = (
  o = {} as Overrides<EventData<'AssistanceProvided'>>,
): EventOf<'AssistanceProvided'> => ({ type: 'AssistanceProvided', data: assistanceData(o) });
export const caseClosed = (o = {} as Overrides<EventData<'CaseClosed'>>): EventOf<'CaseClosed'> => ({
  type: 'CaseClosed',
  data: closureData(o),
});
export const targetSet = (o = {} as Overrides<EventData<'IndicatorTargetSet'>>): EventOf<'IndicatorTargetSet'> => ({
  type: 'IndicatorTargetSet',
  data: targetData(o),
});

// Commands, once parsed: they carry exactly the data of the event they ask for.
export const mapCso = (o = {} as Overrides<EventData<'CsoMapped'>>): CommandOf<'MapCso'> => ({
  type: 'MapCso',
  data: csoMappedData(o),
});
export const assessCso = (o = {} as Overrides<EventData<'CsoCapacityAssessed'>>): CommandOf<'AssessCso'> => ({
  type: 'AssessCso',
  data: assessedData(o),
});
export const signAgreement = (
  o = {} as Overrides<EventData<'PartnershipAgreementSigned'>>,
): CommandOf<'SignAgreement'> => ({ type: 'SignAgreement', data: agreementData(o) });
export const holdTraining = (o = {} as Overrides<EventData<'TrainingHeld'>>): CommandOf<'HoldTraining'> => ({
  type: 'HoldTraining',
  data: trainingData(o),
});
export const identifyVictim = (o = {} as Overrides<EventData<'VictimIdentified'>>): CommandOf<'IdentifyVictim'> => ({
  type: 'IdentifyVictim',
  data: victimData(o),
});
export const provideAssistance = (
  o = {} as Overrides<EventData<'AssistanceProvided'>>,
): CommandOf<'ProvideAssistance'> => ({ type: 'ProvideAssistance', data: assistanceData(o) });
export const closeCase = (o = {} as Overrides<EventData<'CaseClosed'>>): CommandOf<'CloseCase'> => ({
  type: 'CloseCase',
  data: closureData(o),
});
export const setTarget = (o = {} as Overrides<EventData<'IndicatorTargetSet'>>): CommandOf<'SetTarget'> => ({
  type: 'SetTarget',
  data: targetData(o),
});

/** A copy of `data` without `key`: the body of a command whose path names that id. */
export function without<T extends object, K extends keyof T>(data: T, key: K): Omit<T, K> {
  const copy = { ...data };
  delete copy[key];
  return copy;
}
