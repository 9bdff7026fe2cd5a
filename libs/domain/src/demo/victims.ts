import type { Rng } from './random.js';

/**
 * Profiles of presumed victims typical of the project's caseload: mostly West and Central African
 * migrants, mostly women, exploited sexually or for labour. Pseudonymous: no field can hold a name.
 */

export interface Profile {
  sex: 'female' | 'male';
  ageGroup: 'minor' | 'adult';
  nationality: string;
  exploitationType: string;
  referredBy: string;
}

const NATIONALITIES: ReadonlyArray<readonly [string, number]> = [
  ['NG', 28], ['CM', 18], ['CI', 12], ['GN', 9], ['SN', 8], ['CD', 8], ['ML', 7], ['PH', 4], ['BD', 3],
];

const EXPLOITATION: Record<Profile['sex'], ReadonlyArray<readonly [string, number]>> = {
  female: [['sexual', 62], ['domestic_servitude', 18], ['labour', 12], ['begging', 5], ['other', 3]],
  male: [['labour', 60], ['begging', 15], ['sexual', 10], ['forced_criminality', 10], ['other', 5]],
};

const REFERRERS: ReadonlyArray<readonly [string, number]> = [
  ['cso', 40], ['iom', 22], ['self', 18], ['government', 15], ['other', 5],
];

export function profile(rng: Rng, minor: boolean): Profile {
  const sex = rng.chance(0.68) ? 'female' : 'male';
  const nationality = rng.weighted(NATIONALITIES);
  return {
    sex,
    ageGroup: minor ? 'minor' : 'adult',
    nationality,
    exploitationType: exploitation(rng, sex, nationality, minor),
    referredBy: rng.weighted(REFERRERS),
  };
}

function exploitation(rng: Rng, sex: Profile['sex'], nationality: string, minor: boolean): string {
  // Asian workers in the caseload came through domestic-work and labour recruitment.
  if (nationality === 'PH' || nationality === 'BD') return sex === 'female' ? 'domestic_servitude' : 'labour';
  if (minor) return rng.pick(sex === 'female' ? ['sexual', 'begging', 'domestic_servitude'] : ['begging', 'labour']);
  return rng.weighted(EXPLOITATION[sex]);
}
