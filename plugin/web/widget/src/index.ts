// The widget's public API, exposed as the global `Tactful` by tactful-widget.js:
//
//   const handle = Tactful.attach(textareaOrContentEditable, {
//     server: "https://tactful.example.com", apiKey: "…", agentId: "dana",
//     conversation: () => [{role: "customer", text: "I was charged twice!"}],
//   });
//   handle.refresh();  // the conversation changed: check again now
//   handle.detach();   // remove everything the widget added
//
// attach() throws a TypeError for a misuse it can detect at once (no element, an element that
// cannot be edited, bad options), so an integration mistake shows at the call site. After that
// nothing the widget does throws into the page.
import { editable } from "./editor";
import { checkOptions } from "./options";
import type { AttachOptions, Status } from "./options";
import type { HistoryMessage, Report, Suggestion } from "./protocol";
import { Widget } from "./widget";

export type { AttachOptions, HistoryMessage, Report, Status, Suggestion };

export interface Handle {
  readonly element: HTMLElement;
  /** Checks the draft again now (after the conversation changed, for example). */
  refresh(): void;
  /** Removes the widget's listeners, elements and connection. Safe to call twice. */
  detach(): void;
}

export const version = "1";

const attached = new WeakMap<Element, Widget>();

export function attach(element: Element, options: AttachOptions): Handle {
  if (!(element instanceof Element)) throw new TypeError("Tactful.attach: the first argument must be an element");
  if (!editable(element))
    throw new TypeError("Tactful.attach: the element must be a <textarea>, a text <input> or a contenteditable element");
  const settings = checkOptions(options);
  if (typeof settings === "string") throw new TypeError(`Tactful.attach: ${settings}`);
  attached.get(element)?.detach();
  const w = new Widget(element, settings, options);
  attached.set(element, w);
  let live = true;
  return {
    element,
    refresh: () => {
      if (live) w.refresh();
    },
    detach: () => {
      if (!live) return;
      live = false;
      w.detach();
      if (attached.get(element) === w) attached.delete(element);
    },
  };
}

/** Whether an element can be coached (a textarea, a text input or a contenteditable). */
export function canAttach(element: Element): boolean {
  return element instanceof Element && editable(element);
}
