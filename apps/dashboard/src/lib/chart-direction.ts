/**
 * Cartesian charts for a right-to-left reader (Arabic). ECharts draws left to right whatever the
 * page's direction, so the option is mirrored: the horizontal axis runs from the right (time
 * flows leftwards, bars grow leftwards), vertical axes change sides, margins and legends follow,
 * bar ends and value labels swap sides. Text inside stays as written, digits included.
 */
import { dirOf, type Lang } from './i18n.js';

type Obj = Record<string, unknown>;
type Many<T> = T | T[] | undefined;

const each = <T,>(value: Many<T>, f: (item: T) => T): Many<T> => (Array.isArray(value) ? value.map(f) : value === undefined ? value : f(value));

/** left ↔ right (a centred box stays centred). */
function swapSides(box: Obj | undefined): Obj | undefined {
  if (!box || box.left === 'center') return box;
  const { left, right, ...rest } = box;
  return { ...rest, ...(right !== undefined ? { left: right } : {}), ...(left !== undefined ? { right: left } : {}) };
}

const SIDE: Record<string, string> = { left: 'right', right: 'left', insideLeft: 'insideRight', insideRight: 'insideLeft' };

function mirrorSeries(series: Obj): Obj {
  const out: Obj = { ...series };
  const style = series.itemStyle as Obj | undefined;
  const radius = style?.borderRadius;
  if (Array.isArray(radius) && radius.length === 4) out.itemStyle = { ...style, borderRadius: [radius[1], radius[0], radius[3], radius[2]] };
  const label = series.label as Obj | undefined;
  if (label && typeof label.position === 'string' && SIDE[label.position]) out.label = { ...label, position: SIDE[label.position] };
  return out;
}

export function forDirection<T extends object>(option: T, lang: Lang): T {
  if (dirOf(lang) === 'ltr') return option;
  const o = { ...option } as Obj;
  if (o.grid) o.grid = swapSides(o.grid as Obj);
  if (o.legend) o.legend = swapSides(o.legend as Obj);
  o.xAxis = each(o.xAxis as Many<Obj>, (axis) => ({ ...axis, inverse: !axis.inverse }));
  o.yAxis = each(o.yAxis as Many<Obj>, (axis) => ({ ...axis, position: axis.position === 'right' ? 'left' : 'right' }));
  o.series = each(o.series as Many<Obj>, mirrorSeries);
  return o as T;
}
