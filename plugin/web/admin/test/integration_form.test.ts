// The integration form: bodies for create and update (empty secrets left out, so the server
// keeps the stored ones), problem paths to fields, and secrets shown as set or not, never read.
import assert from "node:assert/strict";
import { test } from "node:test";
import { bodyFrom, emptyValues, fieldOf, secretsSet, valuesFrom } from "../src/integration_form";

test("a create body carries what was typed, in the config file's format", () => {
  const v = { ...emptyValues("chatwoot"), id: " cw-main ", team: "billing", webhook_secret: "s3cret",
    api_base_url: "https://chat.example.com", credentials: { account_id: "1", api_access_token: "tok" },
    notes_enabled: true, min_interval_minutes: "5", self_author_ids: "42, 43," };
  assert.deepEqual(bodyFrom(v, false), {
    id: "cw-main", vendor: "chatwoot", verification: "signature", team: "billing", webhook_secret: "s3cret",
    max_skew_seconds: 300, api_base_url: "https://chat.example.com",
    api_credentials: { account_id: "1", api_access_token: "tok" },
    notes: { enabled: true, min_severity: "warning", min_interval_minutes: 5 }, self_author_ids: ["42", "43"],
  });
  // A number that is not one goes to the server as typed, so its problem names the field.
  assert.equal(bodyFrom({ ...v, max_skew_seconds: "soon" }, false).max_skew_seconds, "soon");
  // Vendors with one check send none; Front says which webhooks it signs.
  const front = bodyFrom({ ...emptyValues("front"), id: "f", signature: "rule" }, false);
  assert.equal(front.verification, undefined);
  assert.equal(front.signature, "rule");
});

test("an update leaves empty secrets out, so the stored ones are kept", () => {
  const stored = { id: "cw", vendor: "chatwoot", verification: "signature", team: "billing", max_skew_seconds: 300,
    notes: { enabled: true, min_severity: "hint", min_interval_minutes: 0 }, self_author_ids: ["7"],
    webhook_secret: { set: true }, basic_user: { set: false }, api_credentials: { account_id: { set: true }, api_access_token: { set: true } } };
  const v = valuesFrom(stored);
  assert.equal(v.webhook_secret, "");
  assert.equal(v.min_severity, "hint");
  assert.equal(v.min_interval_minutes, "0");
  assert.equal(v.self_author_ids, "7");
  const b = bodyFrom(v, true);
  assert.equal("webhook_secret" in b, false);
  assert.equal("api_credentials" in b, false);
  assert.deepEqual(bodyFrom({ ...v, credentials: { api_access_token: "new" } }, true).api_credentials, { api_access_token: "new" });
  assert.deepEqual(secretsSet(stored), [
    { name: "webhook secret", set: true }, { name: "account_id", set: true }, { name: "api_access_token", set: true }]);
});

test("a problem's path names its field", () => {
  assert.equal(fieldOf("$.api_credentials.account_id"), "credentials.account_id");
  assert.equal(fieldOf("$.api_credentials"), "credentials");
  assert.equal(fieldOf("$.notes.min_severity"), "min_severity");
  assert.equal(fieldOf("$.notes.enabled"), "notes_enabled");
  assert.equal(fieldOf("$.webhook_secret"), "webhook_secret");
  assert.equal(fieldOf("$.self_author_ids[3]"), "self_author_ids");
  assert.equal(fieldOf("$.unknown_key"), "");
  assert.equal(fieldOf("$"), "");
});
