// The rule form: which fields each rule kind has (docs/rules.md) and the two-way conversion
// between the form's values and a rule in the pack format. Pure (no DOM), so it is unit-tested.
//
// Guarantees: a rule read into the form and written back unchanged comes out equal, except
// for fields the form cannot show, which are carried through untouched (a `when` condition the
// form lacks, examples with a conversation); switching kind drops the old kind's fields so the
// parser never sees a field foreign to the new kind.
import type { Json, JsonObject } from "./types";

export const KINDS = ["phrase", "substitute", "pattern", "require", "repeat", "metric"] as const;
export type Kind = (typeof KINDS)[number];

export type FieldType = "text" | "textarea" | "lines" | "list" | "select" | "checkbox" | "number" | "swap";

export interface FieldSpec {
  key: string;  // the JSON key; "when.x" and "examples.x" are nested
  label: string;
  type: FieldType;
  kinds?: readonly Kind[];  // absent: every kind
  options?: [string, string][];
  help?: string;
  required?: boolean;
}

export const CATEGORIES = [
  "apology", "empathy", "policy-language", "negative-language", "blame", "dismissive", "overpromise",
  "vague-commitment", "repetition", "tone", "escalation", "responsiveness", "personalization",
  "clarity", "jargon",
];

const PHRASEY: Kind[] = ["phrase", "substitute", "pattern", "require", "metric"];

export const FIELDS: FieldSpec[] = [
  { key: "id", label: "Rule id", type: "text", required: true,
    help: "Letters, digits, '.', '-' and '_'; start it with your own prefix, e.g. acme.jargon-sku." },
  { key: "category", label: "Category", type: "text", required: true,
    help: "One of the built-in categories (suggested as you type) or your own." },
  { key: "severity", label: "Severity", type: "select",
    options: [["suggestion", "suggestion (default)"], ["hint", "hint"], ["warning", "warning"]] },
  { key: "message", label: "Message", type: "text", required: true,
    help: "What is wrong. {match} is the underlined text, {name} the customer's name." },
  { key: "why", label: "Why", type: "textarea", required: true,
    help: "Why it matters, in words that would convince a new agent." },
  { key: "phrases", label: "Phrases (one per line)", type: "lines", kinds: ["phrase", "require"],
    help: "Phrase syntax: a|b alternatives, [optional], word~ for inflections, <number>." },
  { key: "swap", label: "Swaps (one per line: phrase => alternative | alternative)", type: "swap",
    kinds: ["substitute"] },
  { key: "regex", label: "Regular expression (RE2)", type: "text", kinds: ["pattern"] },
  { key: "case_sensitive", label: "Case-sensitive", type: "checkbox", kinds: ["pattern"] },
  { key: "mark", label: "Capture group to underline", type: "number", kinds: ["pattern"],
    help: "0 or empty: the whole match." },
  { key: "patterns", label: "Patterns that count as present (one RE2 per line)", type: "lines",
    kinds: ["require"] },
  { key: "markers", label: "Marker sets that count as present (comma-separated)", type: "list",
    kinds: ["require"], help: "Built in: apology, empathy, gratitude, positive, time, action." },
  { key: "insert", label: "Sentence to insert", type: "text", kinds: ["require"] },
  { key: "insert_at", label: "Insert at", type: "select", kinds: ["require"],
    options: [["start", "start"], ["after_greeting", "after the greeting"], ["end", "end"]] },
  { key: "similarity", label: "Similarity (0 to 1)", type: "number", kinds: ["repeat"],
    help: "How close a sentence must be to an earlier agent message; default 0.8." },
  { key: "min_words", label: "Minimum words", type: "number", kinds: ["repeat"] },
  { key: "metric", label: "Metric", type: "select", kinds: ["metric"],
    options: [["caps_words", "ALL-CAPS words in a row"], ["exclamations", "'!' in a row"],
              ["sentence_words", "words in a sentence"], ["paragraph_words", "words in a paragraph"],
              ["word_count", "words in the draft"]] },
  { key: "above", label: "Flag above", type: "number", kinds: ["metric"] },
  { key: "below", label: "Flag below", type: "number", kinds: ["metric"] },
  { key: "exceptions", label: "Exceptions (one phrase per line)", type: "lines", kinds: PHRASEY,
    help: "A match these overlap is fine (\"can't wait\" for \"can't\")." },
  { key: "unless_negated", label: "Not when negated (\"not a problem\")", type: "checkbox",
    kinds: ["phrase", "substitute"] },
  { key: "unless_sentence_has", label: "Waived in a sentence with these marker sets (comma-separated)",
    type: "list", kinds: ["phrase", "substitute", "pattern"] },
  { key: "replacements", label: "Replacements (one per line, best first)", type: "lines",
    kinds: ["phrase", "pattern", "metric"], help: "$1..$9: the matched words or capture groups." },
  { key: "when.intents", label: "Only when the customer shows one of these intents (comma-separated)",
    type: "list" },
  { key: "when.not_intents", label: "Never when the customer shows one of these intents", type: "list" },
  { key: "when.min_frustration", label: "Only when frustration is at least (0 to 1)", type: "number" },
  { key: "when.max_sentiment", label: "Only when sentiment is at most (-1 to 1)", type: "number" },
  { key: "when.min_waited_minutes", label: "Only when the customer waited at least (minutes)", type: "number" },
  { key: "when.customer_present", label: "Customer message", type: "select",
    options: [["", "either way"], ["true", "required"], ["false", "absent"]] },
  { key: "when.teams", label: "Only for these teams (comma-separated)", type: "list" },
  { key: "when.channels", label: "Only on these channels (comma-separated)", type: "list" },
  { key: "when.draft_has", label: "Ask only of a draft holding one of these marker sets (comma-separated)",
    type: "list", kinds: ["require"], help: "e.g. apology, action, takes-on: a refusal or a policy is not asked for a time." },
  { key: "when.draft_flagged", label: "Only when the draft also gets a hint of one of these categories",
    type: "list", kinds: ["require"], help: "e.g. blame, dismissive: an apology owed when a told problem meets blame." },
  { key: "examples.flag", label: "Drafts it must flag (one per line; [[mark]] the words)", type: "lines",
    required: true },
  { key: "examples.pass", label: "Drafts it must leave alone (one per line)", type: "lines", required: true },
  { key: "description", label: "Note for admins", type: "textarea" },
];

export type Values = Record<string, string | boolean>;

export function fieldsFor(kind: Kind): FieldSpec[] {
  return FIELDS.filter((f) => !f.kinds || f.kinds.includes(kind));
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function get(rule: JsonObject, key: string): Json | undefined {
  const [a, b] = key.split(".");
  if (b === undefined) return rule[a];
  const inner = rule[a];
  return isObject(inner) ? inner[b] : undefined;
}

function toText(spec: FieldSpec, v: Json | undefined): string | boolean {
  if (spec.type === "checkbox") return v === true;
  if (v === undefined || v === null) return "";
  if (spec.type === "lines") return Array.isArray(v) ? v.filter((x) => typeof x === "string").join("\n") : "";
  if (spec.type === "list") return Array.isArray(v) ? v.join(", ") : "";
  if (spec.type === "swap") {
    if (!isObject(v)) return "";
    return Object.entries(v).map(([k, alts]) => `${k} => ${Array.isArray(alts) ? alts.join(" | ") : ""}`).join("\n");
  }
  return String(v);
}

export function kindOf(rule: JsonObject): Kind {
  return (KINDS as readonly string[]).includes(String(rule.kind)) ? (rule.kind as Kind) : "phrase";
}

// The form's values for `rule`.
export function valuesFromRule(rule: JsonObject): Values {
  const kind = kindOf(rule);
  const out: Values = {};
  for (const f of fieldsFor(kind)) out[f.key] = toText(f, get(rule, f.key));
  if (!out.severity) out.severity = "suggestion";
  return out;
}

function splitLines(s: string): string[] {
  return s.split("\n").map((x) => x.trim()).filter((x) => x.length > 0);
}

function fromText(spec: FieldSpec, v: string | boolean): Json | undefined {
  if (spec.type === "checkbox") return v === true ? true : undefined;
  const s = String(v);
  if (spec.type === "lines") {
    const items = splitLines(s);
    return items.length || spec.required ? items : undefined;
  }
  if (spec.type === "list") {
    const items = s.split(",").map((x) => x.trim()).filter((x) => x.length > 0);
    return items.length ? items : undefined;
  }
  if (spec.type === "swap") {
    const out: JsonObject = {};
    for (const line of splitLines(s)) {
      const at = line.indexOf("=>");
      const phrase = (at < 0 ? line : line.slice(0, at)).trim();
      const alts = at < 0 ? [] : line.slice(at + 2).split("|").map((x) => x.trim()).filter((x) => x);
      out[phrase] = alts;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (s.trim() === "") return undefined;
  if (spec.type === "number") {
    const n = Number(s.trim());
    // Not a number: sent as written, so validation names the field and says what it expects.
    return Number.isFinite(n) ? n : s.trim();
  }
  if (spec.key === "when.customer_present") return s === "true";
  return s;
}

// A rule from the form's values. `kept` is the rule as last loaded: fields the form does not
// show are carried over from it.
export function ruleFromValues(kind: Kind, values: Values, kept: JsonObject = {}): JsonObject {
  const handled = new Set(FIELDS.map((f) => f.key.split(".")[0]));
  const rule: JsonObject = {};
  // Fields the form never shows (none today at the top level besides priority) pass through.
  for (const [k, v] of Object.entries(kept)) if (!handled.has(k) && k !== "kind") rule[k] = v;
  const when: JsonObject = {};
  const keptWhen = isObject(kept.when) ? kept.when : {};
  const whenKeys = new Set(FIELDS.filter((f) => f.key.startsWith("when.")).map((f) => f.key.slice(5)));
  for (const [k, v] of Object.entries(keptWhen)) if (!whenKeys.has(k)) when[k] = v;
  const examples: JsonObject = {};
  const fields = fieldsFor(kind);
  rule.id = "";
  rule.kind = kind;
  for (const f of fields) {
    const v = fromText(f, values[f.key] ?? "");
    const [a, b] = f.key.split(".");
    if (a === "when") {
      if (v !== undefined) when[b] = v;
    } else if (a === "examples") {
      // Examples with a conversation (objects) cannot be shown as lines: kept as they were.
      const keptList = isObject(kept.examples) && Array.isArray(kept.examples[b]) ? (kept.examples[b] as Json[]) : [];
      examples[b] = [...((v as Json[]) || []), ...keptList.filter((x) => typeof x !== "string")];
    } else if (v !== undefined) {
      rule[a] = v;
    }
  }
  if (rule.severity === "suggestion" && kept.severity === undefined) delete rule.severity;
  if (Object.keys(when).length) rule.when = when;
  rule.examples = examples;
  if (rule.id === "") rule.id = String(values.id ?? "");
  return rule;
}

// Examples of `rule` the form cannot show (objects with a conversation), to tell the admin.
export function hiddenExamples(rule: JsonObject): number {
  if (!isObject(rule.examples)) return 0;
  let n = 0;
  for (const list of Object.values(rule.examples)) if (Array.isArray(list)) n += list.filter((x) => typeof x !== "string").length;
  return n;
}

// A starting point for a new rule of `kind`, with examples to edit.
export function template(kind: Kind): JsonObject {
  const base: JsonObject = {
    id: "acme.new-rule", kind, category: "jargon", message: "Say it in the customer's words.",
    why: "Customers don't know our internal terms, and decoding them slows every reply.",
  };
  const byKind: Record<Kind, JsonObject> = {
    phrase: { phrases: ["sku"], examples: { flag: ["Please send me the [[SKU]]."], pass: ["Please send me the product code."] } },
    substitute: { swap: { sku: ["product code"] }, examples: { flag: ["What is the [[SKU]]?"], pass: ["What is the product code?"] } },
    pattern: { regex: "\\bTKT-\\d+\\b", case_sensitive: true,
               examples: { flag: ["See [[TKT-123]] for details."], pass: ["See your ticket for details."] } },
    require: { category: "responsiveness", phrases: ["thank you for waiting|your patience"], insert: "Thank you for your patience.",
               insert_at: "start", when: { min_waited_minutes: 60 },
               examples: { flag: [{ draft: "Your order ships today.", history: [{ role: "customer", text: "Where is my order?", at: "2026-11-22T08:00:00Z" }], now: "2026-11-22T10:00:00Z" }],
                           pass: ["Thank you for your patience: your order ships today."] } },
    repeat: { category: "repetition", similarity: 0.8, min_words: 6,
              examples: { flag: [{ draft: "[[Please restart the app and try again.]]", history: [{ role: "agent", text: "Please restart the app and try again." }, { role: "customer", text: "I did, still broken." }] }],
                          pass: ["I see the restart did not help, so I've escalated it."] } },
    metric: { category: "clarity", metric: "word_count", above: 120,
              examples: { flag: [`[[${"word ".repeat(130).trim()}]]`], pass: ["Short and clear."] } },
  };
  return { ...base, ...byKind[kind] };
}
