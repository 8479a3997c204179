// The server's messages as the widget reads them: good ones whole, bad ones refused (null),
// hostile ones unable to inject fields or crash the reader.
import assert from "node:assert/strict";
import test from "node:test";
import { parseReport, parseStreamError } from "../src/protocol";

const good = {
  seq: 3,
  suggestions: [{ rule: "policy.per-policy", category: "policy-language", severity: "warning", offset: 0, length: 14,
    text: "Per our policy", message: "m", why: "w", replacements: ["Here's how this works:"], insert: null }],
  scores: { empathy: 12, positivity: 30, clarity: 80, overall: 35 },
  customer: { sentiment: -0.8, frustration: 0.9, intents: ["billing.double-charge"] },
  revised: "x",
};

test("a report is read whole", () => {
  const r = parseReport(good)!;
  assert.equal(r.seq, 3);
  assert.equal(r.suggestions[0].rule, "policy.per-policy");
  assert.deepEqual(r.suggestions[0].replacements, ["Here's how this works:"]);
  assert.equal(r.scores.empathy, 12);
  assert.deepEqual(r.customer.intents, ["billing.double-charge"]);
});

test("messages that are not reports are refused", () => {
  for (const bad of [null, 3, "x", [], {}, { seq: -1, suggestions: [] }, { seq: 1.5, suggestions: [] }, { seq: 1, suggestions: {} }])
    assert.equal(parseReport(bad), null, JSON.stringify(bad));
});

test("bad suggestions are dropped, bad fields defaulted", () => {
  const r = parseReport({
    seq: 1,
    suggestions: [
      { rule: 5, offset: 0, length: 1 },
      { rule: "a", offset: -1, length: 1 },
      { rule: "b", offset: 0, length: 1e400 },
      { rule: "c", offset: 2, length: 3, severity: "<script>", replacements: ["ok", 7, null], insert: { text: 1, offset: 0 } },
    ],
    scores: { empathy: "100", overall: NaN },
  })!;
  assert.equal(r.suggestions.length, 1);
  assert.equal(r.suggestions[0].severity, "hint");
  assert.deepEqual(r.suggestions[0].replacements, ["ok"]);
  assert.equal(r.suggestions[0].insert, null);
  assert.equal(r.scores.empathy, 0);
});

test("hostile keys do not reach the prototype", () => {
  const r = parseReport(JSON.parse('{"seq": 1, "suggestions": [], "__proto__": {"polluted": true}, "scores": {"__proto__": {"empathy": 99}}}'))!;
  assert.equal(r.scores.empathy, 0);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test("a large report is read in linear time", () => {
  const many = { seq: 1, suggestions: Array.from({ length: 50000 }, (_, i) => ({ ...good.suggestions[0], offset: i })) };
  assert.equal(parseReport(many)!.suggestions.length, 50000);
});

test("errors", () => {
  assert.deepEqual(parseStreamError({ seq: 4, error: "draft too long", status: 413 }), { seq: 4, error: "draft too long", status: 413 });
  assert.equal(parseStreamError({ error: 3 }), null);
  assert.equal(parseStreamError(good), null);
});
