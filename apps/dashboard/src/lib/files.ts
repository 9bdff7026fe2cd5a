/**
 * Files to and from the API (sheets, exports, the donor report). Binary bodies and attachments do
 * not fit openapi-fetch's JSON client, so these are small typed calls with the same bearer token
 * and the same ApiError for problem+json answers.
 */
import type { Problem } from '@jalon/contracts';
import { ApiError } from './api.js';
import { signOut, token } from './session.svelte.js';

export const SHEET_KINDS = ['csos', 'assessments', 'agreements', 'trainings', 'cases', 'assistance', 'closures'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A row error of a sheet (CONTRACT.md, "Sheets"): the row number counts the header as row 1. */
export interface SheetError {
  row: number;
  column: string;
  path?: string;
  message: string;
}
export interface SheetReport {
  kind: SheetKind;
  rows: number;
  /** How many rows are valid. */
  valid: number;
  errors: SheetError[];
}
export interface SheetAccepted {
  kind: SheetKind;
  rows: number;
  eventIds: string[];
  position: number;
}
/** A refused sheet: problem+json whose errors name rows and columns. */
export type SheetProblem = Problem & { errors?: SheetError[] };

function bearer(): Record<string, string> {
  const t = token();
  return t ? { authorization: `Bearer ${t}` } : {};
}

async function problemOf(res: Response): Promise<Problem | undefined> {
  if (res.status === 401) signOut('expired');
  try {
    return (await res.json()) as Problem;
  } catch {
    return undefined;
  }
}

/** GET an attachment under /api/v1; its file name from Content-Disposition, else `fallback`. */
export async function fetchFile(path: string, query: Record<string, string>, fallback: string): Promise<{ blob: Blob; name: string }> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}?${new URLSearchParams(query)}`, { headers: bearer() });
  } catch {
    throw new ApiError(0);
  }
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
  return { blob: await res.blob(), name };
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function sheetTypeOf(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE ? XLSX_TYPE : 'text/csv';
}

/**
 * POSTs a sheet: a dry run (200, the report) or the commit (201). XMLHttpRequest rather than fetch
 * because only it reports upload progress; `onProgress` gets a fraction, then null while the
 * server checks the rows.
 */
export function sendSheet(
  kind: SheetKind,
  file: File,
  opts: { dryRun: boolean; key?: string; onProgress?: (fraction: number | null) => void },
): Promise<SheetReport | SheetAccepted> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/sheets/${kind}${opts.dryRun ? '?dryRun=true' : ''}`);
    for (const [k, v] of Object.entries(bearer())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('content-type', sheetTypeOf(file));
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    if (opts.key) xhr.setRequestHeader('idempotency-key', opts.key);
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.lengthComputable ? e.loaded / e.total : null);
    xhr.upload.onload = () => opts.onProgress?.(null);
    xhr.onerror = () => reject(new ApiError(0));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 200 || xhr.status === 201) return resolve(body as SheetReport | SheetAccepted);
      if (xhr.status === 401) signOut('expired');
      reject(new ApiError(xhr.status, body as Problem | undefined));
    };
    xhr.send(file);
  });
}
