// Bundles the widget for the server (`npm run build`, run by CMake's tactful_npm_build): each
// entry becomes one self-contained IIFE file in $TACTFUL_WEB_OUT (no CDN, no imports at run
// time; Front's plugin SDK is bundled into front.js); the stylesheet is bundled into the script
// as text so one <script> tag is enough and the styles live inside the widget's shadow root, out
// of the host page's reach. The app pages (pages/*) are copied beside the scripts.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.env.TACTFUL_WEB_OUT || join(here, "dist");
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  format: "iife",
  target: ["chrome100", "firefox100", "safari15"],
  loader: { ".css": "text" },
  minify: true,
  legalComments: "none",
  logLevel: "warning",
};

await build({ ...common, globalName: "Tactful", entryPoints: [join(here, "src/index.ts")], outfile: join(out, "tactful-widget.js") });
// The helpdesk app pages served beside it: the Chatwoot dashboard app and the Front plugin.
for (const app of ["chatwoot", "front"])
  await build({ ...common, entryPoints: [join(here, "src/apps", `${app}.ts`)], outfile: join(out, `${app}.js`) });
for (const f of readdirSync(join(here, "pages"))) copyFileSync(join(here, "pages", f), join(out, f));
