// The widget's own corner of the host page: one element appended to <body> with a shadow root,
// so the host's CSS cannot restyle the widget and the widget's CSS cannot leak into the host.
// It takes no space and no pointer events itself; only the badge and the open card do. The
// stylesheet is adopted (a constructed sheet), which a page's Content-Security-Policy for inline
// styles does not block; a <style> element is the fallback for browsers without it.
import css from "./styles.css";

export interface Shell {
  host: HTMLElement;
  root: ShadowRoot;
  layer: HTMLElement;
  remove(): void;
}

/** Gives a shadow root the widget's stylesheet: adopted where the browser can, which a
 *  Content-Security-Policy for inline styles does not block, else as a <style> element. */
export function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // older engines: fall through to a <style> element
  }
  const style = document.createElement("style");
  style.textContent = css;
  root.append(style);
}

export function createShell(doc: Document): Shell {
  const host = doc.createElement("tactful-widget");
  host.setAttribute("data-tactful", "");
  host.style.cssText = "all:initial;position:fixed;left:0;top:0;width:0;height:0;z-index:2147483600;";
  const root = host.attachShadow({ mode: "open" });
  adoptStyles(root);
  const layer = doc.createElement("div");
  layer.className = "layer";
  root.append(layer);
  (doc.body ?? doc.documentElement).appendChild(host);
  return { host, root, layer, remove: () => host.remove() };
}
