// The rule form's conversion: every kind's template survives a round trip through the form,
// switching kind drops the old kind's fields, and fields the form cannot show are kept.
import assert from "node:assert/strict";
import { test } from "node:test";
import { KINDS, fieldsFor, hiddenExamples, ruleFromValues, template, valuesFromRule } from "../src/rule_form";

test("each kind's template comes back equal through the form", () => {
  for (const kind of KINDS) {
    const rule = template(kind);
    const back = ruleFromValues(kind, valuesFromRule(rule), rule);
    assert.deepEqual(back, rule, kind);
  }
});

test("every kind has its own fields, and the common ones", () => {
  const keys = (k: (typeof KINDS)[number]) => fieldsFor(k).map((f) => f.key);
  assert.ok(keys("pattern").includes("regex"));
  assert.ok(!keys("phrase").includes("regex"));
  assert.ok(keys("substitute").includes("swap"));
  assert.ok(keys("require").includes("insert_at"));
  assert.ok(keys("repeat").includes("similarity"));
  assert.ok(keys("metric").includes("metric"));
  for (const k of KINDS) for (const common of ["id", "category", "message", "why", "examples.flag", "examples.pass"])
    assert.ok(keys(k).includes(common), `${k} lacks ${common}`);
});

test("switching kind drops the old kind's fields", () => {
  const phrase = template("phrase");
  const values = valuesFromRule(phrase);
  values.regex = "\\bSKU\\b";
  const pattern = ruleFromValues("pattern", values, phrase);
  assert.equal(pattern.kind, "pattern");
  assert.equal(pattern.regex, "\\bSKU\\b");
  assert.equal(pattern.phrases, undefined);
});

test("fields the form does not show are carried through", () => {
  const rule = { ...template("phrase"), priority: 3, when: { name_known: true, intents: ["billing.refund"] },
                 examples: { flag: ["a [[sku]]", { draft: "[[sku]]", history: [{ role: "customer", text: "hi" }] }], pass: ["b"] } };
  assert.equal(hiddenExamples(rule), 1);
  const values = valuesFromRule(rule);
  assert.equal(values["when.intents"], "billing.refund");
  values["when.intents"] = "billing.refund, delivery.late";
  const back = ruleFromValues("phrase", values, rule);
  assert.equal(back.priority, 3);
  assert.deepEqual(back.when, { name_known: true, intents: ["billing.refund", "delivery.late"] });
  assert.deepEqual((back.examples as { flag: unknown[] }).flag.length, 2);
});

test("require rules take the draft's conditions, and other kinds drop them", () => {
  const keys = (k: (typeof KINDS)[number]) => fieldsFor(k).map((f) => f.key);
  assert.ok(keys("require").includes("when.draft_has"));
  assert.ok(keys("require").includes("when.draft_flagged"));
  assert.ok(!keys("phrase").includes("when.draft_has"));
  const values = valuesFromRule(template("require"));
  values["when.draft_has"] = "apology, takes-on";
  values["when.draft_flagged"] = "blame";
  const gated = ruleFromValues("require", values);
  assert.deepEqual((gated.when as Record<string, unknown>).draft_has, ["apology", "takes-on"]);
  assert.deepEqual((gated.when as Record<string, unknown>).draft_flagged, ["blame"]);
  // The pack parser refuses them on a phrase rule, so switching kind must not carry them.
  const phrase = ruleFromValues("phrase", valuesFromRule(gated), gated);
  assert.equal((phrase.when as Record<string, unknown> | undefined)?.draft_has, undefined);
  assert.equal((phrase.when as Record<string, unknown> | undefined)?.draft_flagged, undefined);
});

test("numbers, swaps, switches and lists are typed", () => {
  const values = valuesFromRule(template("substitute"));
  values.swap = "per our policy => as our policy says | because\nasap => by 3 pm";
  values.unless_negated = true;
  values["when.min_frustration"] = "0.5";
  values["when.customer_present"] = "true";
  const r = ruleFromValues("substitute", values);
  assert.deepEqual(r.swap, { "per our policy": ["as our policy says", "because"], asap: ["by 3 pm"] });
  assert.equal(r.unless_negated, true);
  assert.deepEqual(r.when, { min_frustration: 0.5, customer_present: true });
  // Not a number: sent as typed so the server's validation names the field.
  values["when.min_frustration"] = "high";
  assert.equal((ruleFromValues("substitute", values).when as Record<string, unknown>).min_frustration, "high");
});

test("empty required lists stay present (so the server says they are empty)", () => {
  const values = valuesFromRule(template("phrase"));
  values["examples.flag"] = "";
  const r = ruleFromValues("phrase", values);
  assert.deepEqual((r.examples as { flag: unknown[] }).flag, []);
  assert.equal(r.severity, undefined);  // the default is left out
});
