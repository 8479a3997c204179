"use strict";
const params = new URLSearchParams(location.search);
const frame = document.getElementById("app");
window.front = {
  draft: "<div>Hi Dana,</div><div>Per our policy, refunds take 5-10 days.</div>",
  calls: [],
  updates: [],
};
const context = {
  id: "ctx-1",
  type: "singleConversation",
  entryPointId: "ep-1",
  hostId: "host-1",
  functionArities: { fetchDraft: 2, listMessages: 2, updateDraft: 3 },
  preferences: {},
  authentication: {},
  teammate: { id: "tea_1", name: "Sam", username: "sam", email: "sam@example.com" },
  conversation: {
    id: "cnv_1", type: "email", status: "open", subject: "Refund", draftId: "dft_1",
    recipient: { handle: "dana@example.com", name: "Dana", type: "email" },
    inboxes: [], tags: [], topics: [], links: [],
  },
};
function answer(port, call) {
  window.front.calls.push(call.name);
  switch (call.name) {
    case "fetchDraft":
      return { id: "dft_1", content: { body: window.front.draft, type: "html" }, to: [], channel: { id: "cha_1" } };
    case "listMessages":
      return { results: [
        { id: "msg_1", status: "inbound", content: { body: "<p>I was charged <b>TWICE</b> for my order!</p>", type: "html", attachments: [] } },
        { id: "msg_2", status: "outbound", content: { body: "We are looking into it.", type: "text", attachments: [] } },
      ] };
    case "updateDraft":
      window.front.updates.push(call.args[1]);
      window.front.draft = call.args[1].content.body;
      return undefined;
    default:
      throw new Error(`unknown function ${call.name}`);
  }
}
window.addEventListener("message", (e) => {
  if (e.source !== frame.contentWindow || e.data !== "@frontapp/ui-sdk#WebViewBridge.handshake") return;
  const port = e.ports[0];
  port.onmessage = (m) => {
    if (m.data.type !== "function_call") return;
    try {
      port.postMessage({ type: "function_result", id: m.data.id, value: answer(port, m.data) });
    } catch (err) {
      port.postMessage({ type: "function_error", id: m.data.id, error: String(err.message) });
    }
  };
  port.postMessage({ type: "context_update", context });
});
frame.src = params.get("app");
