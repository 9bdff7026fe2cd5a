import type { FieldError } from './errors.js';
import { findIndicator, type IndicatorDefinition } from './logframe.js';
import type { EventData } from './events.js';

/** Unit-specific rules of `IndicatorTargetSet` (DOMAIN.md, "Events"). */
export function targetErrors(
  indicator: IndicatorDefinition,
  target: Pick<EventData<'IndicatorTargetSet'>, 'period' | 'value'>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (indicator.unit === 'percent') {
    if (target.period !== '2016')
      errors.push({ path: '/period', message: 'a percent indicator has only the end-of-project target: 2016' });
    if (!(target.value >= 0 && target.value <= 100))
      errors.push({ path: '/value', message: 'must be a number from 0 to 100 for a percent indicator' });
  } else if (!Number.isInteger(target.value) || target.value < 0) {
    errors.push({ path: '/value', message: 'must be a whole number, 0 or more, for a count indicator' });
  }
  return errors;
}

export function isKnownIndicator(code: string): boolean {
  return findIndicator(code) !== undefined;
}
