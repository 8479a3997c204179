// The demo page: sends the draft over /v1/stream as the agent types and renders the hints.
// Offsets from the server are UTF-16 code units, which is exactly how JavaScript indexes strings.
"use strict";

const $ = (id) => document.getElementById(id);
const draft = $("draft"), customer = $("customer"), nameBox = $("name");
let ws = null, seq = 0, lastReport = null, contextDirty = true, retry = 500;

function connect() {
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  const key = new URLSearchParams(location.search).get("key");
  ws = new WebSocket(`${proto}//${location.host}/v1/stream${key ? "?key=" + encodeURIComponent(key) : ""}`);
  ws.onopen = () => { setStatus("live", true); retry = 500; contextDirty = true; send(); };
  ws.onclose = () => { setStatus("reconnecting…", false); setTimeout(connect, retry); retry = Math.min(retry * 2, 8000); };
  ws.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    if (msg.error) { setStatus(msg.error, false); return; }
    if (msg.seq === seq) render(msg);  // older reports are stale: the server drops most of them
  };
}

function setStatus(text, live) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("live", live);
}

// The conversation is sent only when it changed; the server keeps it per connection.
function send() {
  if (!ws || ws.readyState !== WebSocket.OPEN) return;
  const msg = { seq: ++seq, draft: draft.value, channel: "chat" };
  if (contextDirty) {
    msg.history = customer.value.trim() ? [{ role: "customer", text: customer.value }] : [];
    msg.customer_name = nameBox.value.trim();
    contextDirty = false;
  }
  ws.send(JSON.stringify(msg));
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function renderMirror(report) {
  const text = draft.value;
  let html = "", at = 0;
  for (const s of report.suggestions) {
    if (s.offset < at) continue;  // overlapping hints: underline the first
    html += escapeHtml(text.slice(at, s.offset));
    html += `<mark class="${s.severity}">${escapeHtml(text.slice(s.offset, s.offset + s.length))}</mark>`;
    at = s.offset + s.length;
  }
  $("mirror").innerHTML = html + escapeHtml(text.slice(at)) + "\n";
}

function applyFix(s, replacement) {
  const text = draft.value;
  if (replacement !== undefined) {
    draft.value = text.slice(0, s.offset) + replacement + text.slice(s.offset + s.length);
  } else if (s.insert) {
    draft.value = text.slice(0, s.insert.offset) + s.insert.text + text.slice(s.insert.offset);
  }
  feedback(s, "accepted");
  send();
}

function feedback(s, action) {
  const key = new URLSearchParams(location.search).get("key");
  fetch("/v1/feedback", {
    method: "POST",
    headers: Object.assign({ "Content-Type": "application/json" }, key ? { Authorization: "Bearer " + key } : {}),
    body: JSON.stringify({ rule: s.rule, category: s.category, action }),
  }).catch(() => {});
}

function render(report) {
  lastReport = report;
  renderMirror(report);
  const list = $("hints");
  list.innerHTML = "";
  $("count").textContent = report.suggestions.length ? `(${report.suggestions.length})` : "— looks good";
  for (const s of report.suggestions) {
    const li = document.createElement("li");
    li.className = s.severity;
    li.innerHTML = `<div class="cat">${escapeHtml(s.category)} · ${escapeHtml(s.severity)}</div>
      <div><span class="text">${escapeHtml(s.text)}</span> ${escapeHtml(s.message)}</div>
      <div class="why">${escapeHtml(s.why)}</div>`;
    for (const r of s.replacements.slice(0, 3)) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = r === "" ? "Delete" : `→ ${r}`;
      b.onclick = () => applyFix(s, r);
      li.appendChild(b);
    }
    if (s.insert) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = `+ ${s.insert.text.trim()}`;
      b.onclick = () => applyFix(s);
      li.appendChild(b);
    }
    const d = document.createElement("button");
    d.type = "button";
    d.className = "dismiss";
    d.textContent = "Dismiss";
    d.onclick = () => { feedback(s, "dismissed"); li.remove(); };
    li.appendChild(d);
    list.appendChild(li);
  }
  const sc = report.scores;
  $("scores").innerHTML = ["empathy", "positivity", "clarity", "overall"]
    .map((k) => `<span>${k} <b>${sc[k]}</b></span>`).join("");
  const c = report.customer;
  $("customer-signals").innerHTML =
    `<span>sentiment <b>${c.sentiment.toFixed(2)}</b></span><span>frustration <b>${c.frustration.toFixed(2)}</b></span>` +
    c.intents.map((i) => `<span>${escapeHtml(i)}</span>`).join("");
  $("revised").textContent = report.revised;
}

draft.addEventListener("input", () => { send(); });
draft.addEventListener("scroll", () => { $("mirror").scrollTop = draft.scrollTop; });
customer.addEventListener("input", () => { contextDirty = true; send(); });
nameBox.addEventListener("input", () => { contextDirty = true; send(); });
$("use-revised").addEventListener("click", () => { if (lastReport) { draft.value = lastReport.revised; send(); } });
connect();
