// The admin console: a thin client of /v1/admin (docs/admin.md). No framework, no build step,
// nothing loaded from outside this server. The token lives in sessionStorage (this tab only).
const $ = (sel) => document.querySelector(sel);
const state = { token: sessionStorage.getItem("tactful-admin-token") || "" };

const EXAMPLE_RULE = {
  id: "acme.jargon-sku", kind: "phrase", category: "jargon", severity: "suggestion",
  message: "\"{match}\" is our internal word; customers say \"product code\".",
  why: "Customers don't know our internal terms, and asking them to decode ours slows every reply.",
  phrases: ["sku", "skus"],
  examples: { flag: ["Please send me the [[SKU]]."], pass: ["Please send me the product code."] },
};

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${state.token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const type = res.headers.get("content-type") || "";
  const data = type.includes("json") ? await res.json() : await res.text();
  return { status: res.status, data };
}

function text(el, value) { el.textContent = value; return el; }
function cell(row, value) { return text(row.insertCell(), value ?? ""); }
function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

function showProblems(title, problems, ok) {
  const box = $("#problems");
  clear(box);
  box.className = ok ? "ok" : "bad";
  text(box.appendChild(document.createElement("p")), title);
  if (!problems || !problems.length) return;
  const list = box.appendChild(document.createElement("ul"));
  for (const p of problems) {
    const li = list.appendChild(document.createElement("li"));
    const where = [p.rule, p.team && `team ${p.team}`, p.path].filter(Boolean).join(" · ");
    text(li.appendChild(document.createElement("code")), where);
    li.appendChild(document.createTextNode(" " + p.message));
  }
}

function ruleFromEditor() {
  try {
    return JSON.parse($("#rule-json").value);
  } catch (e) {
    showProblems(`The rule is not valid JSON: ${e.message}`, [], false);
    return null;
  }
}

async function loadRules() {
  const { data } = await api("GET", "/v1/admin/rules");
  const body = $("#custom-rules tbody");
  clear(body);
  for (const r of data.rules || []) {
    const row = body.insertRow();
    cell(row, r.id); cell(row, r.team || "all teams"); cell(row, r.version); cell(row, r.updated_by);
    const edit = row.insertCell().appendChild(document.createElement("button"));
    text(edit, "Edit").setAttribute("aria-label", `Edit ${r.id}`);
    edit.addEventListener("click", () => {
      $("#rule-json").value = JSON.stringify(r.rule, null, 2);
      $("#rule-json").focus();
    });
  }
  const builtin = $("#builtin-rules tbody");
  clear(builtin);
  for (const r of data.builtin || []) {
    const row = builtin.insertRow();
    cell(row, r.id); cell(row, r.category); cell(row, r.severity); cell(row, r.why);
  }
  text($("#builtin-count"), String((data.builtin || []).length));
}

async function loadVersions() {
  const { data } = await api("GET", "/v1/admin/rules/versions");
  const body = $("#versions tbody");
  clear(body);
  for (const v of data.versions || []) {
    const row = body.insertRow();
    cell(row, v.version + (v.serving ? " (serving)" : ""));
    cell(row, v.published_at); cell(row, v.published_by);
    cell(row, v.rolled_back_from ? `rollback to ${v.rolled_back_from}` : v.note);
    const actions = row.insertCell();
    if (!v.serving) {
      const back = actions.appendChild(document.createElement("button"));
      text(back, "Roll back to this").setAttribute("aria-label", `Roll back to version ${v.version}`);
      back.addEventListener("click", async () => {
        const diff = await api("GET", `/v1/admin/rules/versions/diff?from=${data.serving}&to=${v.version}`);
        const d = diff.data.diff || {};
        const n = (d.added || []).length + (d.removed || []).length + (d.changed || []).length;
        if (!confirm(`Roll back to version ${v.version}? ${n} change(s) from what serves now.`)) return;
        const res = await api("POST", "/v1/admin/rules/rollback", { version: v.version });
        showProblems(res.status === 201 ? `Rolled back: version ${res.data.version} serves.`
                                        : res.data.error, res.data.problems, res.status === 201);
        await refresh();
      });
    }
  }
  const diff = await api("GET", "/v1/admin/rules/versions/diff");
  const d = diff.data.diff || {};
  const parts = [["added", d.added], ["removed", d.removed], ["changed", d.changed]]
    .filter(([, list]) => list && list.length)
    .map(([what, list]) => `${what}: ${list.map((e) => e.id).join(", ")}`);
  text($("#diff-summary"), parts.length ? `Unpublished changes (${parts.join("; ")}).`
                                        : "No unpublished changes.");
}

async function loadAnalytics() {
  const { data } = await api("GET", "/v1/admin/analytics/rules");
  const body = $("#analytics tbody");
  clear(body);
  const most = Math.max(1, ...(data.rules || []).map((r) => r.dismissed));
  for (const r of data.rules || []) {
    const row = body.insertRow();
    cell(row, r.rule); cell(row, r.shown); cell(row, r.accepted);
    const dismissed = row.insertCell();
    const bar = dismissed.appendChild(document.createElement("span"));
    bar.className = "bar";
    bar.style.width = `${Math.round((100 * r.dismissed) / most)}%`;
    bar.setAttribute("aria-hidden", "true");
    dismissed.appendChild(document.createTextNode(String(r.dismissed)));
    cell(row, r.muted);
    cell(row, r.acceptance_rate === null ? "–" : `${Math.round(r.acceptance_rate * 100)}%`);
  }
}

async function refresh() {
  await Promise.all([loadRules(), loadVersions(), loadAnalytics()]);
}

async function signIn(token) {
  state.token = token;
  const { status, data } = await api("GET", "/v1/admin/whoami");
  if (status !== 200) {
    text($("#who"), `Sign-in failed: ${data.error || status}`);
    sessionStorage.removeItem("tactful-admin-token");
    return;
  }
  sessionStorage.setItem("tactful-admin-token", token);
  text($("#who"), `Signed in as ${data.name} (${data.role}) for tenant ${data.tenant}.`);
  $("#signin").hidden = true;
  $("#app").hidden = false;
  if (!$("#rule-json").value) $("#rule-json").value = JSON.stringify(EXAMPLE_RULE, null, 2);
  await refresh();
  $("#rules-h").focus();
}

$("#signin-form").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn($("#token").value.trim());
});

$("#validate").addEventListener("click", async () => {
  const rule = ruleFromEditor();
  if (!rule) return;
  const { data } = await api("POST", "/v1/admin/rules/validate", { rule });
  showProblems(data.valid ? "The rule is valid and its examples pass." : "The rule has problems:",
               data.problems, !!data.valid);
});

$("#save").addEventListener("click", async () => {
  const rule = ruleFromEditor();
  if (!rule) return;
  const { status, data } = await api("PUT", `/v1/admin/rules/${encodeURIComponent(rule.id || "")}`, rule);
  if (status === 200 || status === 201) {
    const problems = data.problems || [];
    showProblems(problems.length ? `Saved as version ${data.version}, but it will not publish yet:`
                                 : `Saved as version ${data.version}.`, problems, !problems.length);
  } else {
    showProblems(data.error || `Not saved (${status}).`, data.problems, false);
  }
  await refresh();
});

$("#publish").addEventListener("click", async () => {
  const { status, data } = await api("POST", "/v1/admin/rules/publish", { note: "from the console" });
  if (status === 201) {
    const waived = (data.waived || []).length ? ` ${data.waived.length} example(s) waived.` : "";
    showProblems(`Published version ${data.version}: ${data.rules} rules now serve.${waived}`, [], true);
  } else {
    showProblems(`Refused: ${data.error}`, data.problems, false);
  }
  await refresh();
});

$("#try").addEventListener("click", async () => {
  const rule = ruleFromEditor();
  const body = { draft: $("#sample").value, rules: rule ? [rule] : [] };
  const customer = $("#sample-customer").value.trim();
  if (customer) body.history = [{ role: "customer", text: customer }];
  const { status, data } = await api("POST", "/v1/admin/rules/dry-run", body);
  const list = $("#hints");
  clear(list);
  if (status !== 200) {
    showProblems(data.error || `Dry-run failed (${status})`, data.problems, false);
    return;
  }
  const hints = data.report.suggestions || [];
  if (!hints.length) text(list.appendChild(document.createElement("li")), "No hints.");
  for (const h of hints) {
    const li = list.appendChild(document.createElement("li"));
    text(li.appendChild(document.createElement("strong")), h.rule);
    li.appendChild(document.createTextNode(` (${h.severity}): ${h.message}`));
  }
});

$("#csv").addEventListener("click", async () => {
  const res = await fetch("/v1/admin/analytics/rules?format=csv",
                          { headers: { Authorization: `Bearer ${state.token}` } });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = "tactful-rules.csv";
  a.click();
  URL.revokeObjectURL(url);
});

for (const h of document.querySelectorAll("h2")) h.tabIndex = -1;  // focus targets for the nav
if (state.token) signIn(state.token);
