// Builds the unpacked extension into $TACTFUL_WEB_OUT (default dist/): the widget compiled from
// its TypeScript source (plugin/web/widget, the same entry the server embeds), the extension's
// own scripts, its pages, the manifest with the project's version, and the icons drawn at build
// time. Load the output with chrome://extensions → "Load unpacked", or zip it for a store.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { iconPng } from "../icons/icon.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = process.env.TACTFUL_WEB_OUT || join(here, "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "icons"), { recursive: true });

const common = { bundle: true, format: "iife", target: ["chrome110"], minify: true, legalComments: "none", logLevel: "warning" };
await build({
  ...common, globalName: "Tactful", loader: { ".css": "text" },
  entryPoints: [join(root, "plugin/web/widget/src/index.ts")], outfile: join(out, "tactful-widget.js"),
});
for (const name of ["content", "background", "options", "popup"])
  await build({ ...common, entryPoints: [join(here, "src", `${name}.ts`)], outfile: join(out, `${name}.js`) });

for (const f of readdirSync(join(here, "static")))
  if (f !== "manifest.json") copyFileSync(join(here, "static", f), join(out, f));
const version = readFileSync(join(root, "CMakeLists.txt"), "utf8").match(/project\(tactful VERSION ([0-9.]+)/)[1];
const manifest = JSON.parse(readFileSync(join(here, "static", "manifest.json"), "utf8"));
manifest.version = version;
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
for (const size of [16, 48, 128]) writeFileSync(join(out, "icons", `icon-${size}.png`), iconPng(size));
