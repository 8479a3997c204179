// Field-by-field differences between two JSON values, for the readable diff of rule versions:
// "phrases: + chill" reads better than two blobs of JSON. Pure.
import type { Json } from "./types";

export interface Change {
  path: string;  // "severity", "when.intents", "examples.flag"
  kind: "added" | "removed" | "changed";
  before?: Json;
  after?: Json;
}

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Objects are compared key by key; arrays of strings item by item (each added or removed item
// is one change); anything else as a whole value.
export function changes(before: Json | undefined, after: Json | undefined, path = ""): Change[] {
  if (same(before, after)) return [];
  // A whole object added or removed reads as each of its fields added or removed.
  if (before === undefined && isObject(after)) before = {};
  if (after === undefined && isObject(before)) after = {};
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changes(before[k], after[k], path ? `${path}.${k}` : k));
  }
  const strings = (v: Json | undefined): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
  if (strings(before) && strings(after)) {
    const out: Change[] = [];
    for (const x of before) if (!after.includes(x)) out.push({ path, kind: "removed", before: x });
    for (const x of after) if (!before.includes(x)) out.push({ path, kind: "added", after: x });
    if (!out.length) out.push({ path, kind: "changed", before, after });  // reordered only
    return out;
  }
  if (before === undefined) return [{ path, kind: "added", after }];
  if (after === undefined) return [{ path, kind: "removed", before }];
  return [{ path, kind: "changed", before, after }];
}

export function show(v: Json | undefined): string {
  return typeof v === "string" ? `"${v}"` : JSON.stringify(v);
}

// One line per change: "severity: "hint" → "warning"", "phrases: + "chill"".
export function describe(c: Change): string {
  const where = c.path || "(whole)";
  if (c.kind === "added") return `${where}: + ${show(c.after)}`;
  if (c.kind === "removed") return `${where}: − ${show(c.before)}`;
  return `${where}: ${show(c.before)} → ${show(c.after)}`;
}
