// The admin API client: every request carries the signed-in token; answers come back as values
// (status + body), never as exceptions, so each view decides what a refusal means to the admin.
import type { ErrorBody } from "./types";

export interface Reply<T> {
  status: number;
  ok: boolean;
  data: T & Partial<ErrorBody>;
}

const TOKEN_KEY = "tactful-admin-token";

// Guarantees: the token lives only in this tab's sessionStorage (gone when the tab closes) and
// is sent only to this page's own origin; a 401 clears it and calls `onSignedOut`.
export class Api {
  token: string;
  onSignedOut: (why: string) => void = () => {};

  constructor() {
    this.token = sessionStorage.getItem(TOKEN_KEY) || "";
  }

  remember(token: string): void {
    this.token = token;
    sessionStorage.setItem(TOKEN_KEY, token);
  }

  forget(): void {
    this.token = "";
    sessionStorage.removeItem(TOKEN_KEY);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${this.token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      return { status: 0, ok: false, data: { error: `the server cannot be reached (${e})`, status: 0 } as T & ErrorBody };
    }
    const type = res.headers.get("content-type") || "";
    let data: unknown;
    try {
      data = type.includes("json") ? await res.json() : { text: await res.text() };
    } catch {
      data = { error: `unreadable answer (${res.status})`, status: res.status };
    }
    if (res.status === 401 && path !== "/v1/admin/whoami") {
      this.forget();
      this.onSignedOut((data as ErrorBody).error || "the token is no longer valid");
    }
    return { status: res.status, ok: res.status >= 200 && res.status < 300, data: data as T & ErrorBody };
  }

  get<T>(path: string): Promise<Reply<T>> {
    return this.call<T>("GET", path);
  }

  // Fetches a CSV report with the token and hands it to the browser as a download.
  async download(path: string, filename: string): Promise<string | null> {
    const res = await fetch(path, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!res.ok) return `download failed (${res.status})`;
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return null;
  }
}

// Builds "path?k=v&..." leaving out empty values.
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join("&");
  return q ? `${path}?${q}` : path;
}
