// Nothing the widget does may throw into the host page: every callback the browser or the host
// calls (events, timers, observers, WebSocket handlers) goes through guard(), which catches and
// logs instead. The log is rate-limited so a failure in a per-frame callback cannot flood the
// console.

let logged = 0;

/** Reports a caught failure on the console (the first 20 only), never rethrows. */
export function report(where: string, error: unknown): void {
  if (logged >= 20) return;
  logged += 1;
  try {
    console.warn(`tactful: ${where}:`, error);
  } catch {
    // a host page that replaced console with something throwing: stay silent
  }
}

/** Wraps `fn` so that it never throws: a failure is reported and `undefined` returned. */
export function guard<A extends unknown[], R>(
  where: string,
  fn: (...args: A) => R,
): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      report(where, e);
      return undefined;
    }
  };
}

/** Runs `fn` now, catching whatever it throws. */
export function attempt<R>(where: string, fn: () => R): R | undefined {
  try {
    return fn();
  } catch (e) {
    report(where, e);
    return undefined;
  }
}
