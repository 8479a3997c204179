// The shapes the admin API answers with (docs/admin.md). Only what the console reads is typed;
// anything else passes through untouched.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Problem {
  rule: string;
  team: string;
  path: string;
  message: string;
}

export interface WhoAmI {
  token_id: number;
  name: string;
  tenant: string;
  role: "admin" | "viewer";
}

export interface Team {
  id: string;
  name: string;
  created_at: string;
}

// A custom rule or an override in the working copy.
export interface Item {
  id: string;
  team: string;
  version: number;
  updated_at: string;
  updated_by: string;
  rule?: JsonObject;
  override?: JsonObject;
}

export interface BuiltinRule {
  id: string;
  kind: string;
  category: string;
  severity: string;
  message: string;
  why: string;
  source: string;
  phrases: string[];
  exceptions: string[];
  regex?: string;
  examples: { flag: string[]; pass: string[] };
}

export interface RulesList {
  rules: Item[];
  builtin: BuiltinRule[];
}

export interface Version {
  version: number;
  published_at: string;
  published_by: string;
  note: string;
  rolled_back_from?: number;
  serving: boolean;
}

export interface DiffEntry {
  kind: "rule" | "override";
  team: string;
  id: string;
  before?: JsonObject;
  after?: JsonObject;
}

export interface Diff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: DiffEntry[];
}

export interface PublishResult {
  version: number;
  rules: number;
  waived: string[];
  compile_ms: number;
  rolled_back_from?: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  who: { token_id: number; name: string };
  action: string;
  target: string;
  before: Json;
  after: Json;
}

export interface Counts {
  rule?: string;
  category?: string;
  day?: string;
  shown: number;
  accepted: number;
  edited: number;
  dismissed: number;
  muted: number;
  acceptance_rate: number | null;
  dismissal_rate: number | null;
}

export interface EmpathyPoint {
  day: string;
  team?: string;
  agent?: string;
  average: number;
  samples: number;
}

export interface Hint {
  rule: string;
  category: string;
  severity: string;
  offset: number;
  length: number;
  message: string;
  why: string;
  replacements: string[];
  insert: string | null;
}

export interface DryRun {
  report: { suggestions: Hint[]; scores?: { empathy: number; overall: number } };
  rules: number;
  warnings: Problem[];
}

export interface ErrorBody {
  error: string;
  status: number;
  problems?: Problem[];
}
