import type { Dimension, TargetPeriod, Unit } from '@jalon/domain';

/** What the indicator engine answers: the shapes of CONTRACT.md's queries. */

export type Status = 'green' | 'amber' | 'red' | 'no-data' | 'no-target';

/** "As of business date D, known at position P"; both default (end of project, head). */
export interface Evaluation {
  asOf?: string;
  atPosition?: number;
}

export interface IndicatorValue {
  code: string;
  objective: string;
  unit: Unit;
  /** A count, or a percent (null when its denominator is 0); never rounded. */
  value: number | null;
  numerator?: number;
  denominator?: number;
  baseline: number;
  /** The end-of-project target in effect, null when there is none. */
  target: number | null;
  expected: number | null;
  status: Status;
}

export interface IndicatorsView {
  asOf: string;
  position: number;
  indicators: IndicatorValue[];
}

export type PeriodKind = 'quarter' | 'year';

export interface SeriesPoint {
  period: string;
  start: string;
  end: string;
  value: number | null;
  cumulative: number | null;
  expected: number | null;
}

export interface SeriesView {
  code: string;
  asOf: string;
  position: number;
  points: SeriesPoint[];
}

export interface BreakdownCell {
  key: string;
  value: number | null;
  suppressed: boolean;
}

export interface BreakdownView {
  code: string;
  by: Dimension;
  asOf: string;
  position: number;
  withheld: boolean;
  /** The small-cell threshold in force, on a suppressed (donor) breakdown only: cells below it show as "< T". */
  threshold?: number;
  cells: BreakdownCell[];
}

/** Targets in effect for one indicator: the logframe's, as revised by IndicatorTargetSet. */
export type TargetsInEffect = Partial<Record<TargetPeriod, number>>;

/** The donor's view of victim-related breakdowns (DOMAIN.md, "Small-cell suppression"). */
export interface DonorView {
  threshold: number;
}
