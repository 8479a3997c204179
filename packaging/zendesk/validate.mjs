// An offline check of a Zendesk app directory against Zendesk's manifest rules, so CI needs no
// Zendesk account (`zcli apps:validate` uploads the app to an account). The rules are those of
// Zendesk's own validator, zendesk/zendesk_apps_support (validations/manifest.rb, manifest.rb,
// translations.rb, app_version.rb), as summarised in the project's helpdesk research, plus a few
// of our own marked "(tactful)". Usage: node validate.mjs APP_DIR — prints each problem and exits
// 1 if there is any. As a module: validateApp(dir) returns the list of problems.
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const FRAMEWORK_VERSIONS = ["2.0"];  // AppVersion::TO_BE_SERVED
const REQUIRED_FILES = ["manifest.json", "assets/logo.png", "assets/logo-small.png", "translations/en.json"];
const PUBLIC_STRINGS = ["name", "short_description", "long_description", "installation_instructions"];
const MAX_JSON_BYTES = 1 << 20;  // (tactful) a manifest or translation file this large is a mistake
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v) => typeof v === "string" && v.trim() !== "";

/** A file of the app, or null when `rel` would leave the app directory (even through a link). */
function inside(dir, rel) {
  const root = realpathSync(dir);
  const full = resolve(root, rel);
  if (full !== root && !full.startsWith(root + sep)) return null;
  if (!existsSync(full)) return full;
  const real = realpathSync(full);
  return real === root || real.startsWith(root + sep) ? real : null;
}

function readJson(dir, rel, problems) {
  const file = inside(dir, rel);
  if (!file || !existsSync(file)) return undefined;
  if (statSync(file).size > MAX_JSON_BYTES) {
    problems.push(`${rel}: larger than ${MAX_JSON_BYTES} bytes (tactful)`);
    return null;
  }
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    problems.push(`${rel}: not valid JSON (${e.message})`);
    return null;
  }
}

/** Every location's URL in the manifest: {"support": {"ticket_sidebar": {"url": …}}} or a string. */
function locationUrls(location) {
  const urls = [];
  for (const [product, places] of Object.entries(location)) {
    if (!isObject(places)) {
      urls.push({ where: product, url: null });
      continue;
    }
    for (const [place, v] of Object.entries(places)) urls.push({ where: `${product}.${place}`, url: isObject(v) ? v.url : v });
  }
  return urls;
}

export function validateApp(dir) {
  const problems = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [`${dir}: not a directory`];
  for (const f of REQUIRED_FILES) if (!existsSync(join(dir, f))) problems.push(`${f}: missing (Zendesk requires it)`);
  for (const f of ["assets/logo.png", "assets/logo-small.png"]) {
    const file = join(dir, f);
    if (existsSync(file) && !readFileSync(file).subarray(0, 8).equals(PNG)) problems.push(`${f}: not a PNG image (tactful)`);
  }

  const m = readJson(dir, "manifest.json", problems);
  if (m === undefined || m === null) return problems;
  if (!isObject(m)) return [...problems, "manifest.json: must be a JSON object"];

  if (!isObject(m.author)) problems.push("manifest.json: 'author' is required ({name, email})");
  else {
    if (!nonEmpty(m.author.name)) problems.push("manifest.json: 'author.name' is required");
    if (!nonEmpty(m.author.email)) problems.push("manifest.json: 'author.email' is required");
  }
  if (!nonEmpty(m.defaultLocale)) problems.push("manifest.json: 'defaultLocale' is required");
  const exempt = m.requirementsOnly === true || m.marketingOnly === true;
  if (!exempt && m.location === undefined) problems.push("manifest.json: 'location' is required");
  if (!exempt && m.frameworkVersion === undefined) problems.push("manifest.json: 'frameworkVersion' is required");
  if (m.frameworkVersion !== undefined && !FRAMEWORK_VERSIONS.includes(m.frameworkVersion))
    problems.push(`manifest.json: 'frameworkVersion' ${JSON.stringify(m.frameworkVersion)} is not one Zendesk serves (${FRAMEWORK_VERSIONS.join(", ")})`);

  if (m.location !== undefined) {
    if (!isObject(m.location)) problems.push("manifest.json: 'location' must be an object of products and locations");
    else
      for (const { where, url } of locationUrls(m.location)) {
        if (!nonEmpty(url)) {
          problems.push(`manifest.json: location ${where} has no url`);
          continue;
        }
        if (/^https?:\/\//i.test(url)) continue;  // an app served from elsewhere
        const file = inside(dir, url);
        if (!file) problems.push(`manifest.json: location ${where} url '${url}' leaves the app directory (tactful)`);
        else if (!existsSync(file)) problems.push(`manifest.json: location ${where} url '${url}' names a file the app does not have (tactful)`);
      }
  }

  if (m.parameters !== undefined) {
    if (!Array.isArray(m.parameters)) problems.push("manifest.json: 'parameters' must be an array");
    else {
      const seen = new Set();
      m.parameters.forEach((p, i) => {
        if (!isObject(p) || !nonEmpty(p.name)) return problems.push(`manifest.json: parameters[${i}] needs a name`);
        if (p.name === "name") problems.push(`manifest.json: parameters[${i}] may not be called 'name'`);
        if (seen.has(p.name)) problems.push(`manifest.json: parameter '${p.name}' is defined twice (tactful)`);
        seen.add(p.name);
      });
    }
  }

  if (nonEmpty(m.defaultLocale)) {
    const rel = `translations/${m.defaultLocale}.json`;
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(m.defaultLocale)) problems.push(`manifest.json: 'defaultLocale' '${m.defaultLocale}' is not a locale`);
    else if (!existsSync(join(dir, rel))) problems.push(`${rel}: missing (the default locale's translations)`);
  }
  const en = readJson(dir, "translations/en.json", problems);
  if (en !== undefined && en !== null) {
    const app = isObject(en) && isObject(en.app) ? en.app : null;
    if (!app) problems.push("translations/en.json: needs an 'app' object");
    else if (m.private === false) {
      for (const k of PUBLIC_STRINGS) if (!nonEmpty(app[k])) problems.push(`translations/en.json: 'app.${k}' is required for a public app`);
    } else if (!nonEmpty(app.name)) problems.push("translations/en.json: 'app.name' is required");
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node validate.mjs APP_DIR");
    process.exit(2);
  }
  const problems = validateApp(dir);
  for (const p of problems) console.error(`${dir}: ${p}`);
  if (problems.length) process.exit(1);
  console.log(`${dir}: a valid Zendesk app (offline rules)`);
}
