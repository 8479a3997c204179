// Runs the widget's unit tests (test/*.test.ts) with Node's test runner: each file is bundled by
// esbuild into a temporary module first (the sources are TypeScript). Usage: node test/run.mjs
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), "tactful-widget-test-"));
try {
  const files = readdirSync(here).filter((f) => f.endsWith(".test.ts"));
  const outs = [];
  for (const f of files) {
    const outfile = join(out, f.replace(/\.ts$/, ".mjs"));
    await build({ entryPoints: [join(here, f)], bundle: true, platform: "node", format: "esm", outfile, loader: { ".css": "text" }, logLevel: "warning" });
    outs.push(outfile);
  }
  const r = spawnSync(process.execPath, ["--test", ...outs], { stdio: "inherit" });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
