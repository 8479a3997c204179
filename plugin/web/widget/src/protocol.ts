// The server's JSON, as the widget reads it (DESIGN.md, docs/server.md). Offsets count UTF-16
// code units, which is how JavaScript strings index, so they apply to the sent text directly.
// parseReport() checks the shape instead of trusting it: a server of another version, a proxy
// error page or a hostile intermediary yields null, never a half-read report that breaks the UI.

export type Severity = "hint" | "suggestion" | "warning";

export interface Insertion {
  text: string;
  offset: number;
}

export interface Suggestion {
  rule: string;
  category: string;
  severity: Severity;
  offset: number;
  length: number;
  text: string;
  message: string;
  why: string;
  replacements: string[];
  insert: Insertion | null;
}

export interface Scores {
  empathy: number;
  positivity: number;
  clarity: number;
  overall: number;
}

export interface Report {
  seq: number;
  suggestions: Suggestion[];
  scores: Scores;
  revised: string;
  customer: { sentiment: number; frustration: number; intents: string[] };
}

/** One message of the conversation the draft answers. */
export interface HistoryMessage {
  role: "customer" | "agent" | "system";
  text: string;
  at?: string;
}

export interface StreamError {
  seq: number;
  error: string;
  status: number;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const num = (v: unknown, fallback = 0): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

function parseSuggestion(v: unknown): Suggestion | null {
  if (!isObject(v) || typeof v.rule !== "string" || !isCount(v.offset) || !isCount(v.length)) return null;
  const severity = v.severity === "warning" || v.severity === "suggestion" ? v.severity : "hint";
  let insert: Insertion | null = null;
  if (isObject(v.insert) && typeof v.insert.text === "string" && isCount(v.insert.offset))
    insert = { text: v.insert.text, offset: v.insert.offset };
  const replacements = Array.isArray(v.replacements)
    ? v.replacements.filter((r): r is string => typeof r === "string")
    : [];
  return {
    rule: v.rule,
    category: str(v.category),
    severity,
    offset: v.offset,
    length: v.length,
    text: str(v.text),
    message: str(v.message),
    why: str(v.why),
    replacements,
    insert,
  };
}

/** The report in a server message, or null when the message is not one. */
export function parseReport(v: unknown): Report | null {
  if (!isObject(v) || !isCount(v.seq) || !Array.isArray(v.suggestions)) return null;
  const suggestions: Suggestion[] = [];
  for (const s of v.suggestions) {
    const parsed = parseSuggestion(s);
    if (parsed) suggestions.push(parsed);
  }
  const sc = isObject(v.scores) ? v.scores : {};
  const c = isObject(v.customer) ? v.customer : {};
  return {
    seq: v.seq,
    suggestions,
    scores: {
      empathy: num(sc.empathy),
      positivity: num(sc.positivity),
      clarity: num(sc.clarity),
      overall: num(sc.overall),
    },
    revised: str(v.revised),
    customer: {
      sentiment: num(c.sentiment),
      frustration: num(c.frustration),
      intents: Array.isArray(c.intents) ? c.intents.filter((i): i is string => typeof i === "string") : [],
    },
  };
}

/** The error in a server message ({seq, error, status}), or null. */
export function parseStreamError(v: unknown): StreamError | null {
  if (!isObject(v) || typeof v.error !== "string") return null;
  return { seq: isCount(v.seq) ? v.seq : 0, error: v.error, status: num(v.status) };
}
