import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { LocalizedText, LogframeIndicator, LogframeView } from '@jalon/contracts';
import {
  ACTIVITIES,
  DEMO_NOTICE,
  INDICATORS,
  OBJECTIVES,
  PROJECT,
  PROJECT_END,
  activityTitle,
  computedAsText,
  contextText,
  demoNotice,
  indicatorTitle,
  objectiveTitle,
  projectText,
  type Text,
} from '@jalon/domain';
import type { IndicatorEngine } from '@jalon/projections';
import { ReadModelGate } from '../projection/read-model-gate.js';
import type { EvaluationParams } from '../projection/evaluation-query.js';
import { Projector } from '../projection/projector.js';

export class GetLogframe extends Query<LogframeView> {
  constructor(readonly params: EvaluationParams) {
    super();
  }
}

/** The logframe is code; only its targets in effect and the demo notice come from the log. */
@QueryHandler(GetLogframe)
export class LogframeHandler implements IQueryHandler<GetLogframe> {
  constructor(
    @Inject(ReadModelGate) private readonly gate: ReadModelGate,
    @Inject(Projector) private readonly projector: Projector,
  ) {}

  async execute({ params }: GetLogframe): Promise<LogframeView> {
    await this.gate.check(params);
    await this.gate.ready(params);
    const position = this.gate.atPosition(params) ?? this.projector.position;
    return {
      asOf: params.asOf ?? PROJECT_END,
      position,
      project: { ...project(), ...(this.projector.holdsDemo ? { demo: inFour(DEMO_NOTICE, demoNotice) } : {}) },
      objectives: OBJECTIVES.map((o) => ({
        code: o.code,
        title: inFour(o.title, (lang) => objectiveTitle(o.code, lang)),
        indicators: INDICATORS.filter((i) => i.objective === o.code).map((i) => i.code),
      })),
      activities: ACTIVITIES.map((a) => ({ code: a.code, title: inFour(a.title, (lang) => activityTitle(a.code, lang)) })),
      indicators: INDICATORS.map((def) => indicator(def, this.projector.engine, position)),
    };
  }
}

function project(): LogframeView['project'] {
  const { id, country, start, end, illustrativeTargets, context } = PROJECT;
  const [title, implementer, donor, notice] = (['title', 'implementer', 'donor', 'notice'] as const).map((key) =>
    inFour(PROJECT[key], (lang) => projectText(key, lang)),
  );
  return { id, title, implementer, donor, country, start, end, illustrativeTargets, notice, context: context.map((fact, i) => inFour(fact, (lang) => contextText(i, lang))) };
}

function indicator(def: (typeof INDICATORS)[number], engine: IndicatorEngine, position: number): LogframeIndicator {
  const { code, objective, activities, unit, sensitive, baseline, breakdowns } = def;
  const title = inFour(def.title, (lang) => indicatorTitle(code, lang));
  const computedAs = inFour(def.computedAs, (lang) => computedAsText(code, lang));
  const targets = engine.targets(code, position);
  return { code, objective, activities: [...activities], unit, sensitive, title, computedAs, baseline, targets, breakdowns: [...breakdowns] };
}

/** A logframe text with its German and Arabic (DOMAIN.md: the logframe speaks all four languages). */
function inFour(text: Text, other: (lang: 'de' | 'ar') => string): LocalizedText {
  return { fr: text.fr, en: text.en, de: other('de'), ar: other('ar') };
}
