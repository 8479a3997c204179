// The stream client against a scripted WebSocket: latest draft wins, sequence numbers rise,
// the conversation goes out only when it changed or the connection is new, stale reports are
// dropped, and a lost connection is retried and reported offline.
import assert from "node:assert/strict";
import test from "node:test";
import { StreamClient, streamUrl } from "../src/stream";

class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) { FakeSocket.all.push(this); }
  send(s: string) { this.sent.push(JSON.parse(s)); }
  close() { this.readyState = 3; }
  open() { this.readyState = 1; this.onopen?.(); }
  drop() { this.readyState = 3; this.onclose?.(); }
  answer(msg: unknown) { this.onmessage?.({ data: typeof msg === "string" ? msg : JSON.stringify(msg) }); }
}
(globalThis as unknown as { WebSocket: unknown }).WebSocket = FakeSocket;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const report = (seq: number) => ({ seq, suggestions: [], scores: {}, customer: {} });

function client() {
  FakeSocket.all = [];
  const got: { reports: [number, string][]; statuses: string[]; errors: string[] } = { reports: [], statuses: [], errors: [] };
  const c = new StreamClient("ws://x/v1/stream", 20, {
    onReport: (r, text) => got.reports.push([r.seq, text]),
    onStatus: (s) => got.statuses.push(s),
    onError: (e) => got.errors.push(e.error),
  });
  return { c, got, ws: () => FakeSocket.all[FakeSocket.all.length - 1] };
}

test("the URL carries the key and the ws scheme", () => {
  assert.equal(streamUrl(new URL("https://t.example/base/"), "k y"), "wss://t.example/base/v1/stream?key=k+y");
  assert.equal(streamUrl(new URL("http://127.0.0.1:8080/"), ""), "ws://127.0.0.1:8080/v1/stream");
});

test("a burst of drafts sends only the latest, with rising seq; context only when changed", async () => {
  const { c, ws } = client();
  ws().open();
  const ctx = { history: [{ role: "customer", text: "hi" }] };
  for (const t of ["C", "Ca", "Cal", "Calm"]) c.update({ text: t, skip: [], context: ctx });
  await wait(60);
  assert.deepEqual(ws().sent.map((m) => [m.seq, m.draft, "history" in m]), [[1, "Calm", true]]);
  c.update({ text: "Calm down", skip: [], context: ctx });
  await wait(60);
  assert.deepEqual(ws().sent[1], { seq: 2, draft: "Calm down" });
  c.update({ text: "Calm down!", skip: [{ offset: 0, length: 2 }], context: { history: [] } }, true);
  assert.deepEqual(ws().sent[2], { seq: 3, draft: "Calm down!", skip: [{ offset: 0, length: 2 }], history: [] });
  c.close();
});

test("reports: the latest delivered with its text, older ones dropped, junk ignored", async () => {
  const { c, got, ws } = client();
  ws().open();
  c.update({ text: "a", skip: [], context: {} }, true);
  c.update({ text: "ab", skip: [], context: {} }, true);
  ws().answer(report(2));
  ws().answer(report(1));   // older than what was shown
  ws().answer(report(9));   // never sent
  ws().answer("not json");
  ws().answer({ seq: 2, error: "too long", status: 413 });
  assert.deepEqual(got.reports, [[2, "ab"]]);
  assert.deepEqual(got.errors, ["too long"]);
  c.close();
});

test("a lost connection is reported offline, retried, and gets the context again", async () => {
  const { c, got, ws } = client();
  const first = ws();
  first.open();
  c.update({ text: "x", skip: [], context: { customer_name: "Dana" } }, true);
  first.drop();
  assert.equal(got.statuses.at(-1), "offline");
  c.update({ text: "xy", skip: [], context: { customer_name: "Dana" } }, true);  // waits for the connection
  await wait(400);
  const second = ws();
  assert.notEqual(second, first);
  second.open();
  assert.equal(got.statuses.at(-1), "live");
  assert.deepEqual(second.sent, [{ seq: 2, draft: "xy", customer_name: "Dana" }]);
  c.close();
  assert.equal(FakeSocket.all.length, 2);
});
