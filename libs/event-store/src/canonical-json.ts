import canonicalize from 'canonicalize';

/** Past this depth a value is handed to the library, whose walk detects cycles. */
const MAX_DEPTH = 64;
/** In unicode mode a surrogate pair is one code point: only a lone surrogate is of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * RFC 8785 canonical JSON, as `canonicalize` writes it, for the values a log holds (parsed JSON):
 * keys sorted by UTF-16 code units, numbers and strings as JSON.stringify writes them. It runs for
 * every event of every import and verification: walking plain JSON without the library's generic
 * checks halves the cost. Anything else (a toJSON, a function, a symbol, a deep or cyclic value)
 * goes to the library itself, so the answer and the errors stay the library's.
 */
export function canonicalJson(value: unknown): string | undefined {
  const out = write(value, 0);
  return out === undefined ? canonicalize(value) : out;
}

/** The canonical text, or undefined when the library must answer for this value. */
function write(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return LONE_SURROGATE.test(value) ? undefined : JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) return undefined;
      return Array.isArray(value) ? writeArray(value, depth) : writeObject(value as Record<string, unknown>, depth);
    default:
      return undefined;
  }
}

function writeArray(values: unknown[], depth: number): string | undefined {
  let out = '[';
  for (let i = 0; i < values.length; i++) {
    const part = write(values[i], depth + 1);
    if (part === undefined) return undefined;
    out += i === 0 ? part : `,${part}`;
  }
  return `${out}]`;
}

function writeObject(object: Record<string, unknown>, depth: number): string | undefined {
  const proto = Object.getPrototypeOf(object);
  if ((proto !== Object.prototype && proto !== null) || typeof object.toJSON === 'function') return undefined;
  let out = '{';
  let first = true;
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    // An undefined member is absent, as in JSON.stringify and the library.
    if (member === undefined) continue;
    const text = write(member, depth + 1);
    if (text === undefined || LONE_SURROGATE.test(key)) return undefined;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}
