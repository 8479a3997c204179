// The test helpdesk's own script: reads the visible conversation, and when the page is opened
// with ?tactful=URL&key=KEY&agent=ID it loads the widget from that server and attaches it to the
// plain and the rich reply box, as a helpdesk integration would.
"use strict";

function conversation() {
  return [...document.querySelectorAll("#thread .message")].map((m) => ({
    role: m.dataset.role,
    text: m.querySelector(".body").textContent.trim(),
  }));
}

const params = new URLSearchParams(location.search);
const server = params.get("tactful");
window.attached = [];
if (server) {
  const script = document.createElement("script");
  script.src = new URL("widget/tactful-widget.js", server).toString();
  script.onload = () => {
    const options = {
      server,
      apiKey: params.get("key") || undefined,
      agentId: params.get("agent") || undefined,
      conversation,
      customerName: "Dana",
      conversationId: "ticket-17",
      onReport: (r) => { window.lastReport = r; },
    };
    window.attached.push(window.Tactful.attach(document.getElementById("reply"), options));
    window.attached.push(window.Tactful.attach(document.getElementById("rich"), options));
  };
  document.head.appendChild(script);
}
