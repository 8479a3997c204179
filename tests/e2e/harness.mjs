// Shared launch code of the browser tests: a headless Chromium, a tactful server the test owns
// (so it can stop and restart it), and a plain static HTTP server standing in for a helpdesk on
// an origin of its own.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const BASE_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** A headless browser (the new headless mode, which also runs extensions). */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, headless: false, args: ["--headless=new", ...BASE_ARGS, ...extraArgs] });
}

/** A persistent context with an unpacked extension loaded. */
export function launchWithExtension(extensionDir, userDataDir) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: ["--headless=new", ...BASE_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
}

/** Fails the test (exit code 1) with a message, and keeps going so later checks still report. */
export function failer() {
  const failures = [];
  const fail = (msg) => {
    failures.push(msg);
    console.error("FAIL: " + msg);
    process.exitCode = 1;
  };
  return { fail, failures };
}

/** Uncaught errors of a page (its own and the widget's): the host page must see none. */
export function collectPageErrors(page) {
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** A tactful server with its own data directory and config; stop() and start() it at will. */
/** A computed style of the first element a locator finds, read until it equals `want` or
 *  `timeoutMs` passes; returns the last value read. Panels re-render as answers arrive, so one
 *  read can land on an element that was just replaced (a detached element has no style). */
export async function settledStyle(locator, property, want, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    last = await locator.first().evaluate((e, p) => getComputedStyle(e)[p], property, { timeout: 1000 })
      .catch((e) => `(${String(e).split("\n")[0]})`);
    if (last === want || Date.now() > end) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export class Tactful {
  constructor(bin, config = {}) {
    this.bin = bin;
    this.dir = mkdtempSync(join(tmpdir(), "tactful-e2e-"));
    this.config = { data_dir: join(this.dir, "data"), log_requests: false, ...config };
    this.port = 0;
    this.proc = null;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** An admin token of `tenant` (made with the shipped command, as an operator would). */
  adminToken(tenant) {
    return new Promise((resolve, reject) => {
      const p = spawn(this.bin, ["admin", "token", "create", "--tenant", tenant, "--role", "admin",
                                 "--name", "e2e", "--data-dir", this.config.data_dir]);
      let out = "";
      p.stdout.on("data", (d) => (out += d));
      p.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error("token create failed"))));
    });
  }

  async start() {
    const file = join(this.dir, "tactful.json");
    writeFileSync(file, JSON.stringify(this.config));
    const proc = spawn(this.bin, ["serve", "--listen", `127.0.0.1:${this.port}`, "--config", file],
                       { stdio: ["ignore", "pipe", "pipe"] });
    this.proc = proc;
    let err = "";
    proc.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
    const port = await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error("tactful did not start: " + err)), 15000);
      proc.stdout.on("data", (d) => {
        out += d;
        const m = out.match(/serving on http:\/\/[0-9.]+:(\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      proc.on("exit", (code) => reject(new Error(`tactful exited with ${code}: ${err}`)));
    });
    this.port = port;
    return this;
  }

  async stop() {
    if (!this.proc) return;
    const p = this.proc;
    this.proc = null;
    await new Promise((resolve) => {
      p.on("exit", resolve);
      p.kill("SIGTERM");
    });
  }

  async cleanup() {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/** Serves files from `root` (and `extra` paths → bodies) on a free loopback port. */
export async function serveStatic(root, extra = {}) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (extra[path] !== undefined) {
      res.writeHead(200, { "Content-Type": TYPES[extname(path)] || "text/html; charset=utf-8" });
      return res.end(extra[path]);
    }
    const file = normalize(join(root, path === "/" ? "index.html" : path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}
