// What the helpdesk app pages served under /widget/ share: the origins allowed to frame them and
// talk to them (the server writes them into <meta name="tactful-frame-origins">, from
// widget.frame_origins) and the page's own settings, read from the URL fragment — #key=…&… —
// which browsers never send to a server, so a key there stays out of access logs and Referer.

export function frameOrigins(doc: Document): string[] {
  const meta = doc.querySelector('meta[name="tactful-frame-origins"]');
  return (meta?.getAttribute("content") ?? "").split(/\s+/).filter(Boolean);
}

export function fragment(loc: Location): URLSearchParams {
  return new URLSearchParams(loc.hash.replace(/^#/, ""));
}

/** The tactful server these pages came from. */
export function serverOf(loc: Location): string {
  return new URL("/", loc.href).toString();
}

export function section(parent: HTMLElement, title: string): HTMLElement {
  const s = document.createElement("section");
  const h = document.createElement("h2");
  h.textContent = title;
  s.append(h);
  parent.append(s);
  return s;
}
