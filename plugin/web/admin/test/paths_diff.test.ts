// Problem paths find their form field; version diffs read field by field.
import assert from "node:assert/strict";
import { test } from "node:test";
import { changes, describe } from "../src/diff";
import { fieldForPath, itemIndex } from "../src/paths";
import { FIELDS } from "../src/rule_form";

const keys = FIELDS.map((f) => f.key);

test("a problem's JSON path names its field", () => {
  assert.equal(fieldForPath("$.rule.examples.flag[0]", "$.rule", keys), "examples.flag");
  assert.equal(fieldForPath("$.rule.severity", "$.rule", keys), "severity");
  assert.equal(fieldForPath("$.rule.when.intents[2]", "$.rule", keys), "when.intents");
  assert.equal(fieldForPath("$.rule.when.name_known", "$.rule", keys), "");  // not in the form
  assert.equal(fieldForPath("$.rule", "$.rule", keys), "");
  assert.equal(fieldForPath("$.rules[0].id", "$.rule", keys), "");  // another prefix
  assert.equal(fieldForPath("$.overrides[0].override.exceptions[1]", "$.overrides[0].override", ["exceptions"]), "exceptions");
  assert.equal(itemIndex("$.rule.examples.pass[3]"), 3);
  assert.equal(itemIndex("$.rule.id"), null);
});

test("diffs list each changed field, and list items one by one", () => {
  const before = { severity: "hint", phrases: ["a", "b"], when: { teams: ["x"] } };
  const after = { severity: "warning", phrases: ["b", "c"], when: { teams: ["x"] }, note: "why" };
  const c = changes(before, after).map(describe);
  assert.deepEqual(c, ['note: + "why"', 'phrases: − "a"', 'phrases: + "c"', 'severity: "hint" → "warning"']);
  assert.deepEqual(changes(before, before), []);
  assert.deepEqual(changes(undefined, { a: 1 }).map(describe), ["a: + 1"]);
  assert.deepEqual(changes({ a: 1 }, undefined).map(describe), ["a: − 1"]);
  assert.deepEqual(changes({ l: ["a", "b"] }, { l: ["b", "a"] }).map((x) => x.kind), ["changed"]);
});
