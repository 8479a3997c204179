"use strict";
const params = new URLSearchParams(location.search);
const frame = document.getElementById("app");
frame.src = params.get("app");
window.fetchInfoRequests = 0;
window.context = {
  event: "appContext",
  data: {
    conversation: {
      id: 4217,
      messages: [
        { id: 1, content: "I was charged TWICE for my order! This is ridiculous.", message_type: 0, private: false, created_at: 1795000000 },
        { id: 2, content: "tactful post-send check: 1 hint on this reply\n1. dismissive (warning) \"Calm down\"", message_type: 1, private: true, created_at: 1795000100 },
        { id: 3, content: "Per our policy, refunds take 5-10 days. Calm down.", message_type: 1, private: false, created_at: 1795000060 },
        { id: 4, content: "Dana joined", message_type: 2, private: false, created_at: 1795000001 },
      ],
    },
    contact: { id: 9, name: "Dana" },
    currentAgent: { id: 7, name: "Sam", email: "sam@example.com" },
  },
};
window.addEventListener("message", (e) => {
  if (e.source === frame.contentWindow && e.data === "chatwoot-dashboard-app:fetch-info") {
    window.fetchInfoRequests += 1;
    frame.contentWindow.postMessage(JSON.stringify(window.context), "*");
  }
});
if (params.get("forge")) {
  const forger = document.createElement("iframe");
  forger.src = params.get("forge");
  document.body.append(forger);
}
