import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportDocument, ReportSection } from '@jalon/projections';
import { objectiveChartSvg } from './chart-svg.js';

const MARGIN = 48;
/** Column widths on an A4 page (595 pt wide): code, indicator, then six figures. */
const WIDTHS = [30, 185, 42, 42, 48, 42, 52, 58];
const STATUS_COLOUR: Record<string, string> = { green: '#17663a', amber: '#8a5a00', red: '#a1261b' };

/**
 * The donor report as a PDF of real, searchable text (PDFKit's standard Helvetica, which covers
 * French and German), charts drawn from the same SVG as the HTML, and on every page the log
 * position and hash the figures stand on.
 */
export function reportPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, lang: doc.lang, info: { Title: `${doc.title} — ${doc.project}`, Creator: 'jalon' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  header(pdf, doc);
  for (const section of doc.sections) sectionBlock(pdf, doc, section);
  footers(pdf, doc);
  pdf.end();
  return done;
}

function header(pdf: PDFKit.PDFDocument, doc: ReportDocument): void {
  pdf.font('Helvetica-Bold').fontSize(18).text(doc.title);
  pdf.font('Helvetica').fontSize(12).moveDown(0.2).text(doc.project);
  pdf.fontSize(9.5).moveDown(0.4);
  for (const line of doc.lines) pdf.text(line);
  pdf.moveDown(0.4).fillColor('#8a5a00');
  for (const notice of doc.notices) pdf.text(notice);
  pdf.fillColor('black');
}

function sectionBlock(pdf: PDFKit.PDFDocument, doc: ReportDocument, section: ReportSection): void {
  // Heading and table stay on one page: an objective's few rows are read together.
  ensureRoom(pdf, 60 + 24 * section.rows.length);
  pdf.moveDown(1).font('Helvetica-Bold').fontSize(12).text(section.heading, MARGIN);
  pdf.moveDown(0.3);
  tableRow(pdf, doc.columns, true);
  for (const row of section.rows) tableRow(pdf, row.cells, false, STATUS_COLOUR[row.status]);
  const svg = objectiveChartSvg(section.chart, 500);
  const height = 60 + 28 * section.chart.bars.length;
  ensureRoom(pdf, height + 30);
  pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(9.5).text(section.chart.title, MARGIN);
  SVGtoPDF(pdf, svg, MARGIN, pdf.y + 4, { width: 500, height, assumePt: true });
  pdf.y += height + 8;
  pdf.font('Helvetica-Bold').fontSize(9.5).text(section.breakdownsHeading, MARGIN);
  pdf.font('Helvetica').fontSize(8.5);
  for (const line of section.breakdowns) pdf.text(`• ${line}`, MARGIN + 6, undefined, { width: 595 - 2 * MARGIN - 6 });
}

function tableRow(pdf: PDFKit.PDFDocument, cells: string[], head: boolean, statusColour?: string): void {
  pdf.font(head ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
  const height = Math.max(...cells.map((c, i) => pdf.heightOfString(c, { width: WIDTHS[i] - 4 }))) + 6;
  ensureRoom(pdf, height);
  const y = pdf.y;
  if (head) pdf.rect(MARGIN, y, sum(WIDTHS), height).fill('#eef2f5').fillColor('black');
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const last = i === cells.length - 1;
    if (last && statusColour) pdf.fillColor(statusColour);
    pdf.text(cell, x + 2, y + 3, { width: WIDTHS[i] - 4, align: i < 2 ? 'left' : 'right' });
    pdf.fillColor('black');
    x += WIDTHS[i];
  });
  pdf.moveTo(MARGIN, y + height).lineTo(MARGIN + sum(WIDTHS), y + height).lineWidth(0.5).strokeColor('#d5dbe1').stroke();
  pdf.x = MARGIN;
  pdf.y = y + height;
}

/** A new page when fewer than `needed` points are left above the footer. */
function ensureRoom(pdf: PDFKit.PDFDocument, needed: number): void {
  if (pdf.y + needed > pdf.page.height - MARGIN - 30) pdf.addPage();
}

function footers(pdf: PDFKit.PDFDocument, doc: ReportDocument): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // text below the margin would otherwise open a new page
    pdf.font('Helvetica').fontSize(7).fillColor('#555');
    const y = pdf.page.height - MARGIN + 8;
    pdf.text(`${doc.footer} · ${i + 1}/${count}`, MARGIN, y, { width: 595 - 2 * MARGIN, lineBreak: false });
    pdf.text(doc.verify, MARGIN, y + 10, { width: 595 - 2 * MARGIN, lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.fillColor('black');
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
