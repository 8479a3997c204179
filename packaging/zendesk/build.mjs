// Builds the Zendesk app into $TACTFUL_WEB_OUT (default dist/), laid out as Zendesk expects an
// uploaded app: manifest.json (with the project's version), translations/, and assets/ with the
// sidebar page, its script (the app with the widget's modules, compiled from TypeScript) and the
// logos drawn at build time. CMake zips it as tactful-zendesk.zip for Admin Center → Apps →
// Upload private app.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { iconPng } from "../icons/icon.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = process.env.TACTFUL_WEB_OUT || join(here, "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "assets"), { recursive: true });
mkdirSync(join(out, "translations"), { recursive: true });

await build({
  bundle: true, format: "iife", target: ["chrome100", "firefox100", "safari15"], minify: true,
  legalComments: "none", logLevel: "warning", loader: { ".css": "text" },
  entryPoints: [join(here, "src", "app.ts")], outfile: join(out, "assets", "app.js"),
});
copyFileSync(join(here, "assets", "iframe.html"), join(out, "assets", "iframe.html"));
copyFileSync(join(here, "translations", "en.json"), join(out, "translations", "en.json"));
const version = readFileSync(join(root, "CMakeLists.txt"), "utf8").match(/project\(tactful VERSION ([0-9.]+)/)[1];
const manifest = JSON.parse(readFileSync(join(here, "manifest.json"), "utf8"));
manifest.version = version;
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
writeFileSync(join(out, "assets", "logo.png"), iconPng(320));
writeFileSync(join(out, "assets", "logo-small.png"), iconPng(128));
