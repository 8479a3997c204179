// Builds the admin console: type-checks the TypeScript (a type error fails the build), bundles
// src/main.ts into one ES module, and copies the static files beside it. The output is
// self-contained: the server embeds exactly these files and the page loads nothing else.
//   node build.mjs            -> $TACTFUL_WEB_OUT (default dist/): index.html, app.js, style.css
//   node build.mjs --tests    -> type-checks and runs test/*.test.ts with node's test runner
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");

function run(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: here, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`admin console: ${what} failed`);
    process.exit(r.status || 1);
  }
}

const tests = process.argv.includes("--tests");
run([tsc, "--noEmit", "-p", tests ? "test" : "."], "type check");

if (tests) {
  const out = mkdtempSync(join(tmpdir(), "tactful-admin-tests-"));
  try {
    const files = readdirSync(join(here, "test")).filter((f) => f.endsWith(".test.ts"));
    await esbuild.build({
      entryPoints: files.map((f) => join(here, "test", f)),
      bundle: true, platform: "node", format: "esm", target: "node18", outdir: out,
      outExtension: { ".js": ".mjs" }, logLevel: "warning",
    });
    run(["--test", ...files.map((f) => join(out, f.replace(/\.ts$/, ".mjs")))], "unit tests");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
} else {
  const out = process.env.TACTFUL_WEB_OUT || join(here, "dist");
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(here, "src", "main.ts")],
    bundle: true, format: "esm", target: "es2020", minify: true, legalComments: "none",
    outfile: join(out, "app.js"), logLevel: "warning",
  });
  for (const f of ["index.html", "style.css"]) copyFileSync(join(here, "public", f), join(out, f));
}
