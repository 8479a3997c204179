// Tests of the offline Zendesk validator: the built app passes, and each broken variant of it —
// a rule of Zendesk's broken, malformed or oversized JSON, a hostile path — is refused with a
// message naming the problem. Usage: node validate.test.mjs BUILT_APP_DIR
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";
import { validateApp } from "./validate.mjs";

const built = process.argv[2];
if (!built) throw new Error("usage: node validate.test.mjs BUILT_APP_DIR");

/** A copy of the built app changed by `change(dir, manifest)`; returns its problems. */
function variant(change) {
  const dir = mkdtempSync(join(tmpdir(), "zd-app-"));
  try {
    cpSync(built, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    const next = change(dir, manifest) ?? manifest;
    if (next !== false) writeFileSync(join(dir, "manifest.json"), JSON.stringify(next));
    return validateApp(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const has = (problems, text) => assert.ok(problems.some((p) => p.includes(text)), `expected "${text}" in ${JSON.stringify(problems)}`);

test("the built app passes", () => assert.deepEqual(validateApp(built), []));

test("author, defaultLocale, location and frameworkVersion are required", () => {
  has(variant((_, m) => { delete m.author; }), "'author' is required");
  has(variant((_, m) => { m.author = { name: "x" }; }), "'author.email' is required");
  has(variant((_, m) => { delete m.defaultLocale; }), "'defaultLocale' is required");
  has(variant((_, m) => { delete m.location; }), "'location' is required");
  has(variant((_, m) => { delete m.frameworkVersion; }), "'frameworkVersion' is required");
  // requirementsOnly apps need neither location nor frameworkVersion
  assert.deepEqual(variant((_, m) => { delete m.location; delete m.frameworkVersion; m.requirementsOnly = true; }), []);
});

test("only served framework versions", () => {
  has(variant((_, m) => { m.frameworkVersion = "1.0"; }), "is not one Zendesk serves");
  has(variant((_, m) => { m.frameworkVersion = 2; }), "is not one Zendesk serves");
});

test("the default locale's translations must exist; app.name for private apps, four strings for public", () => {
  has(variant((_, m) => { m.defaultLocale = "de"; }), "translations/de.json: missing");
  has(variant((dir) => { writeFileSync(join(dir, "translations/en.json"), JSON.stringify({ app: {} })); }), "'app.name' is required");
  const pub = variant((dir, m) => { m.private = false; writeFileSync(join(dir, "translations/en.json"), JSON.stringify({ app: { name: "x" } })); });
  for (const k of ["short_description", "long_description", "installation_instructions"]) has(pub, `'app.${k}' is required for a public app`);
});

test("required files and logos", () => {
  has(variant((dir) => { unlinkSync(join(dir, "assets/logo.png")); }), "assets/logo.png: missing");
  has(variant((dir) => { unlinkSync(join(dir, "assets/logo-small.png")); }), "assets/logo-small.png: missing");
  has(variant((dir) => { writeFileSync(join(dir, "assets/logo.png"), "<svg/>"); }), "not a PNG image");
  has(variant((dir) => { unlinkSync(join(dir, "assets/iframe.html")); }), "names a file the app does not have");
});

test("parameters: no 'name', no duplicates", () => {
  has(variant((_, m) => { m.parameters.push({ name: "name", type: "text" }); }), "may not be called 'name'");
  has(variant((_, m) => { m.parameters.push({ ...m.parameters[0] }); }), "is defined twice");
  has(variant((_, m) => { m.parameters = { server_url: {} }; }), "'parameters' must be an array");
});

test("malformed, oversized and hostile input is refused with a reason", () => {
  has(variant((dir) => { writeFileSync(join(dir, "manifest.json"), "{\"name\": "); return false; }), "manifest.json: not valid JSON");
  has(variant((dir) => { writeFileSync(join(dir, "manifest.json"), "[]"); return false; }), "must be a JSON object");
  has(variant((dir) => { writeFileSync(join(dir, "translations/en.json"), "\u0000\u0001"); }), "translations/en.json: not valid JSON");
  has(variant((dir) => { writeFileSync(join(dir, "manifest.json"), " ".repeat(2 << 20) + "{}"); return false; }), "larger than");
  has(variant((_, m) => { m.location.support.ticket_sidebar.url = "../../../../etc/passwd"; }), "leaves the app directory");
  has(variant((dir, m) => {
    symlinkSync("/etc/hostname", join(dir, "assets/link.html"));
    m.location.support.ticket_sidebar.url = "assets/link.html";
  }), "leaves the app directory");
  has(variant((_, m) => { m.defaultLocale = "../../x"; }), "is not a locale");
  // A __proto__ key is data, not a prototype: the manifest is still judged on its fields.
  has(variant((dir) => { writeFileSync(join(dir, "manifest.json"), '{"__proto__": {"author": {"name": "a", "email": "b"}}}'); return false; }), "'author' is required");
  assert.deepEqual(validateApp("/nonexistent-app-dir"), ["/nonexistent-app-dir: not a directory"]);
});
