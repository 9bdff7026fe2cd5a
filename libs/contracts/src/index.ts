/**
 * The HTTP API's request and response shapes (CONTRACT.md), shared by the API, the dashboard and
 * the command line. Type-only: importing it pulls no runtime code into the dashboard.
 */
import type {
  ActivityCode,
  Dimension,
  ObjectiveCode,
  TargetPeriod,
  Text,
  Unit,
} from '@jalon/domain';
import type { TargetsInEffect } from '@jalon/projections';

export type {
  CaseActivity,
  CsoActivity,
  ScoreArea,
  TrainingActivity,
  TrainingRow,
  BreakdownCell,
  BreakdownView,
  IndicatorValue,
  IndicatorsView,
  KnownFigures,
  MemberChange,
  RestatementChange,
  RestatementIndicator,
  RestatementView,
  PeriodKind,
  SeriesPoint,
  SeriesView,
  Status,
  TargetsInEffect,
} from '@jalon/projections';
export type { Dimension, Text, TargetPeriod, Unit };

/** A logframe text in French and English, and in German and Arabic where the logframe has them. */
export interface LocalizedText extends Text {
  de?: string;
  ar?: string;
}

// DOMAIN.md's closed lists, for forms and filters: plain constants, nothing else comes with them.
export {
  AGE_GROUPS,
  ASSISTANCE_TYPES,
  AUDIENCES,
  CLOSURE_REASONS,
  CSO_DOMAINS,
  EXPLOITATION_TYPES,
  REFERRERS,
  REGIONS,
  SEXES,
} from '@jalon/domain/lists';

export type Role = 'admin' | 'manager' | 'auditor' | 'donor';
export const ROLES: readonly Role[] = ['admin', 'manager', 'auditor', 'donor'];

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  role: Role;
  expiresAt: string;
}

export interface Me {
  username: string;
  role: Role;
}

export interface CreateUserRequest {
  username: string;
  password: string;
  role: Role;
}

/** 201 of every command. */
export interface CommandAccepted {
  eventIds: string[];
  position: number;
}

/** RFC 9457 problem details, with field errors for invalid input. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

export interface LogframeIndicator {
  code: string;
  objective: ObjectiveCode;
  activities: ActivityCode[];
  unit: Unit;
  sensitive: boolean;
  title: LocalizedText;
  computedAs: LocalizedText;
  baseline: number;
  /** The targets in effect (logframe targets as revised), by year; 2016 is end of project. */
  targets: TargetsInEffect;
  breakdowns: Dimension[];
}

export interface LogframeView {
  asOf: string;
  position: number;
  project: {
    id: string;
    title: LocalizedText;
    implementer: LocalizedText;
    donor: LocalizedText;
    country: string;
    start: string;
    end: string;
    illustrativeTargets: boolean;
    notice: LocalizedText;
    context: LocalizedText[];
    /** Present when the log holds the bundled synthetic demo history. */
    demo?: LocalizedText;
  };
  objectives: Array<{ code: ObjectiveCode; title: LocalizedText; indicators: string[] }>;
  activities: Array<{ code: ActivityCode; title: LocalizedText }>;
  indicators: LogframeIndicator[];
}

export interface EventPage<E = unknown> {
  events: E[];
  next: number | null;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  head: { position: number; hash: string };
  firstBadPosition: number | null;
  /** Present when the request named `expectHead`. */
  expectHead?: ExpectedHead;
}

export interface Health {
  status: 'ok';
  position: number;
}

/** `expectHead` of GET /api/v1/audit/verify: whether an event with that hash is in the intact chain. */
export interface ExpectedHead {
  hash: string;
  found: boolean;
  /** The position of the event with that hash; null when not found. */
  position: number | null;
}

/** One entry of the read audit (CONTRACT.md, "Read audit"). */
export interface ReadRecord {
  id: number;
  /** In the `recordedAt` format. */
  at: string;
  username: string;
  role: Role;
  method: string;
  /** Without the query string. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** Events of `case-` streams in the answer. */
  caseEvents: number;
}

export interface ReadAuditPage {
  reads: ReadRecord[];
  next: number | null;
}
