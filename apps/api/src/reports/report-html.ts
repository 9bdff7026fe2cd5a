import type { ReportDocument } from '@jalon/projections';
import { objectiveChartSvg } from './chart-svg.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;color:#1d2733;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin:0}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:2px solid #2f6f9f;padding-bottom:.2rem}
h3{font-size:.95rem;margin:1rem 0 .3rem}.project{font-size:1.1rem;margin:.3rem 0 1rem}
.meta{margin:0;padding:0;list-style:none;color:#444}.notice{background:#fff4d6;border-left:4px solid #d9a300;padding:.4rem .7rem;margin:.6rem 0}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #d5dbe1;padding:.3rem .4rem;text-align:right;vertical-align:top}
th:nth-child(2),td:nth-child(2),th:first-child,td:first-child{text-align:left}th{background:#eef2f5}
.green{color:#17663a}.amber{color:#8a5a00}.red{color:#a1261b}ul.breakdowns{font-size:.85rem;padding-left:1.2rem}
footer{margin-top:2rem;font-size:.8rem;color:#555;border-top:1px solid #ccc;padding-top:.5rem;word-break:break-all}
@media print{body{margin:0}h2{break-after:avoid}section{break-inside:avoid-page}}`;

/** The donor report as one self-contained HTML page (inline styles and SVG charts, no script). */
export function reportHtml(doc: ReportDocument): string {
  const sections = doc.sections.map((s) => `
<section>
<h2>${escape(s.heading)}</h2>
<table><thead><tr>${doc.columns.map((c) => `<th scope="col">${escape(c)}</th>`).join('')}</tr></thead><tbody>
${s.rows.map((r) => `<tr>${r.cells.map((c, i) => `<td${i === r.cells.length - 1 ? ` class="${r.status}"` : ''}>${escape(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>
<h3>${escape(s.chart.title)}</h3>
<figure role="img" aria-label="${escape(s.chart.title)}">${objectiveChartSvg(s.chart)}</figure>
<h3>${escape(s.breakdownsHeading)}</h3>
<ul class="breakdowns">${s.breakdowns.map((b) => `<li>${escape(b)}</li>`).join('')}</ul>
</section>`);
  return `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`${doc.title} — ${doc.project}`)}</title><style>${STYLE}</style></head>
<body><header><h1>${escape(doc.title)}</h1><p class="project">${escape(doc.project)}</p>
<ul class="meta">${doc.lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>
${doc.notices.map((n) => `<p class="notice">${escape(n)}</p>`).join('')}</header>
<main>${sections.join('')}</main>
<footer><p>${escape(doc.footer)}</p><p>${escape(doc.verify)}</p></footer></body></html>
`;
}
