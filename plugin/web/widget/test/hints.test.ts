// The hint model: reports rebased onto the text as it is, edits moving or dropping hints,
// dismissals and mutes that stick, and the shown / edited bookkeeping.
import assert from "node:assert/strict";
import test from "node:test";
import { HintModel, diff } from "../src/hints";
import { fixFor } from "../src/fix";
import type { Report, Suggestion } from "../src/protocol";

const hint = (rule: string, text: string, offset: number, extra: Partial<Suggestion> = {}): Suggestion => ({
  rule, category: rule.split(".")[0], severity: "warning", offset, length: text.length, text, message: "", why: "",
  replacements: [], insert: null, ...extra,
});
const report = (seq: number, suggestions: Suggestion[]): Report => ({
  seq, suggestions, scores: { empathy: 10, positivity: 0, clarity: 0, overall: 0 }, revised: "",
  customer: { sentiment: 0, frustration: 0, intents: [] },
});
const DRAFT = "Hi. Calm down, it is what it is.";

test("diff finds the changed middle", () => {
  assert.deepEqual(diff("abcdef", "abXYef"), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(diff("abc", "abc"), null);
  assert.deepEqual(diff("", "x"), { start: 0, oldEnd: 0, newEnd: 1 });
  assert.deepEqual(diff("aaa", "aaaa"), { start: 3, oldEnd: 3, newEnd: 4 });
});

test("a report for an older text is rebased onto the current one", () => {
  const m = new HintModel();
  m.setReport(report(1, [hint("dismissive.calm-down", "Calm down", 4), hint("dismissive.condescending", "it is what it is", 15)]),
    DRAFT, "Hello Dana. " + DRAFT.slice(4));
  const v = m.visible();
  assert.deepEqual(v.map((h) => [h.rule, h.offset]), [["dismissive.calm-down", 12], ["dismissive.condescending", 23]]);
});

test("a hint whose words were edited is dropped, and reported edited if the next report lacks it", () => {
  const m = new HintModel();
  m.setReport(report(1, [hint("dismissive.calm-down", "Calm down", 4), hint("dismissive.condescending", "it is what it is", 15)]), DRAFT, DRAFT);
  m.edit("Hi. Relax, it is what it is.");
  assert.deepEqual(m.visible().map((h) => h.rule), ["dismissive.condescending"]);
  const edited = m.setReport(report(2, [hint("dismissive.condescending", "it is what it is", 11)]), "Hi. Relax, it is what it is.", "Hi. Relax, it is what it is.");
  assert.deepEqual(edited.map((h) => h.rule), ["dismissive.calm-down"]);
  // A change made by the widget itself (a fix) is not an edit of the agent's.
  m.edit("Hi. Relax, that is how it is.", true);
  assert.deepEqual(m.setReport(report(3, []), "Hi. Relax, that is how it is.", "Hi. Relax, that is how it is."), []);
});

test("dismissed hints stay dismissed across reports while their words stay; mutes hide the rule", () => {
  const m = new HintModel();
  m.setReport(report(1, [hint("dismissive.calm-down", "Calm down", 4), hint("blame.should-have", "it is", 15)]), DRAFT, DRAFT);
  m.dismiss(m.visible()[0]);
  m.setReport(report(2, [hint("dismissive.calm-down", "Calm down", 4), hint("blame.should-have", "it is", 15)]), DRAFT, DRAFT);
  assert.deepEqual(m.visible().map((h) => h.rule), ["blame.should-have"]);
  m.mute("blame.should-have");
  assert.deepEqual(m.visible(), []);
});

test("each hint is reported shown once", () => {
  const m = new HintModel();
  m.setReport(report(1, [hint("dismissive.calm-down", "Calm down", 4)]), DRAFT, DRAFT);
  assert.equal(m.takeNewlyShown().length, 1);
  m.setReport(report(2, [hint("dismissive.calm-down", "Calm down", 4)]), DRAFT, DRAFT);
  assert.equal(m.takeNewlyShown().length, 0);
});

test("hints on the caret's words: fixes for them first, then insertions anchored there", () => {
  const m = new HintModel();
  const text = "Per our policy, no.";
  m.setReport(report(1, [
    hint("apology.owed", "Per", 0, { insert: { text: "Sorry. ", offset: 0 } }),
    hint("policy.per-policy", "Per our policy,", 0, { replacements: ["Here's how it works:"] }),
  ]), text, text);
  assert.deepEqual(m.at(1).map((h) => h.rule), ["policy.per-policy", "apology.owed"]);
  assert.deepEqual(m.at(17).map((h) => h.rule), []);
});

test("fixes: replacement, insertion, and deletion without a double space", () => {
  const m = new HintModel();
  const text = "Well, just restart it.";
  m.setReport(report(1, [hint("dismissive.just", "just", 6, { replacements: ["", "simply"] }),
    hint("apology.owed", "Well", 0, { insert: { text: "Sorry. ", offset: 0 } })]), text, text);
  const [apology, just] = m.visible();
  assert.deepEqual(fixFor(just, "simply", text), { start: 6, end: 10, text: "simply" });
  assert.deepEqual(fixFor(just, "", text), { start: 6, end: 11, text: "" });
  assert.deepEqual(fixFor(apology, null, text), { start: 0, end: 0, text: "Sorry. " });
  assert.equal(fixFor(just, null, text), null);
});
