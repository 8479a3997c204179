// The widget's global, loaded before content.js by the same content-script registration
// (tactful-widget.js, built from plugin/web/widget/src/index.ts).
import type * as Api from "../../../plugin/web/widget/src/index";

declare global {
  const Tactful: typeof Api;
}
