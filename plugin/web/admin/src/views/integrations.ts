// Integrations: the helpdesks whose webhooks the tenant's agents are coached through. The list
// shows each one's vendor, team, notes and which secrets are set (never a value: the API is
// write-only for secrets); an admin creates one with a form per vendor, edits one (an empty
// secret field keeps the stored secret) and deletes one after a confirmation. A problem the
// API names by JSON path ($.api_credentials.account_id) is shown beside that field.
import type { App, View } from "../app";
import { teamSelect } from "../app";
import { withQuery } from "../api";
import { button, field, h, replace, say, select, table } from "../dom";
import type { IntegrationValues } from "../integration_form";
import { bodyFrom, emptyValues, fieldOf, secretsSet, valuesFrom, vendor, VENDORS, VERIFICATION_LABELS } from "../integration_form";
import type { JsonObject } from "../types";

type Control = HTMLInputElement | HTMLSelectElement;

interface Editing {
  id: string;
  version: number;
  secrets: { name: string; set: boolean }[];
}

function notesSummary(it: JsonObject): string {
  const n = (it.notes ?? {}) as JsonObject;
  if (n.enabled !== true) return "off";
  const every = Number(n.min_interval_minutes ?? 0);
  return `on: ${String(n.min_severity ?? "warning")} and above${every ? `, at most one per ${every} min` : ""}`;
}

export function integrationsView(app: App): View {
  let values: IntegrationValues = emptyValues();
  let editing: Editing | null = null;
  let statusText: [string, boolean] | null = null;

  const view: View = {
    async render(section) {
      const [r] = await Promise.all([app.api.get<{ integrations: JsonObject[] }>("/v1/admin/integrations"), app.loadTeams()]);
      const items = r.ok ? r.data.integrations : [];
      const status = h("div", { id: "integration-status", role: "status", "aria-live": "polite" });

      // The list, read-only for viewers and for the config file's integrations.
      const confirmBox = h("div", { id: "integration-confirm", hidden: true, tabindex: -1 });
      const askDelete = (id: string) => {
        const yes = button(`Delete integration ${id}`, async () => {
          const d = await app.api.call("DELETE", `/v1/admin/integrations/${encodeURIComponent(id)}`);
          if (d.ok && editing?.id === id) { editing = null; values = emptyValues(); }
          await rerender(section, d.ok ? `Deleted integration ${id}: its webhooks now answer 404.` : `Not deleted: ${d.data.error || d.status}`, d.ok);
        }, { class: "primary", id: "integration-confirm-delete" });
        replace(confirmBox,
          h("p", {}, `Delete integration ${id}? Its webhooks answer 404 at once and its stored secrets are erased. The id stays reserved to this tenant.`),
          h("div", { class: "row" }, yes, button("Cancel", () => { confirmBox.hidden = true; section.querySelector<HTMLElement>("h2")?.focus(); })));
        confirmBox.hidden = false;
        yes.focus();
      };
      const rows = items.map((it) => {
        const id = String(it.id);
        const writable = app.canWrite() && it.read_only !== true;
        const secrets = secretsSet(it).map((s) => `${s.name}: ${s.set ? "set" : "not set"}`).join("; ");
        return [h("code", {}, id), vendor(String(it.vendor)).label, String(it.team || "all teams"), notesSummary(it), secrets,
          h("code", {}, String(it.webhook_path ?? "")),
          it.source === "config" ? "config file (read-only)" : `admin API, version ${String(it.version)}${it.shadowed ? " (shadowed by the config file)" : ""}`,
          writable ? h("span", { class: "actions" },
            button("Edit", async () => {
              const g = await app.api.get<JsonObject>(`/v1/admin/integrations/${encodeURIComponent(id)}`);
              if (!g.ok) return say(status, `Cannot read ${id}: ${g.data.error || g.status}`, false);
              values = valuesFrom(g.data);
              editing = { id, version: Number(g.data.version), secrets: secretsSet(g.data) };
              statusText = null;
              await view.render(section);
              section.querySelector<HTMLElement>("#integration-form-h")?.focus();
            }, { "aria-label": `Edit integration ${id}` }),
            button("Delete", () => askDelete(id), { "aria-label": `Delete integration ${id}` })) : ""];
      });
      const list = !r.ok ? h("p", { class: "bad" }, `The integrations cannot be read: ${r.data.error || r.status}`)
        : items.length ? table("Integrations", ["Id", "Vendor", "Team", "Notes", "Secrets", "Webhook URL path", "Source", "Actions"], rows)
        : h("p", {}, "No integrations yet.");

      replace(section,
        h("h2", { id: "integrations-h" }, "Integrations"),
        h("p", { class: "help" }, "The helpdesks whose webhooks tactful accepts for this tenant (docs/webhooks.md). Secrets are write-only: this page shows whether each is set, never its value."),
        status,
        list,
        confirmBox,
        app.canWrite() ? form(section) : null);
      if (statusText) say(status, ...statusText);
      status.tabIndex = -1;
    },
  };
  return view;

  // Draws the section again with a result in its status region, which takes focus.
  async function rerender(section: HTMLElement, message: string, ok: boolean): Promise<void> {
    statusText = [message, ok];
    await view.render(section);
    section.querySelector<HTMLElement>("#integration-status")?.focus();
  }

  // The form of one vendor: created anew when the vendor or verification changes, keeping
  // what was typed.
  function form(section: HTMLElement): HTMLElement {
    const ven = vendor(values.vendor);
    const controls: Record<string, Control> = {};
    const wraps: Record<string, HTMLElement> = {};
    const keep = editing ? " (leave empty to keep the stored one)" : "";
    const isSet = (name: string) => editing?.secrets.find((s) => s.name === name)?.set;
    const setNote = (name: string) => (editing ? (isSet(name) ? " Stored: set." : " Stored: not set.") : "");
    const add = (key: string, label: string, control: Control, help?: string) => {
      control.id = `int-${key.replace(".", "-")}`;
      controls[key] = control;
      const w = field(label, control, help);
      const err = h("p", { class: "field-error", id: `${control.id}-error` });
      control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), err.id].filter(Boolean).join(" "));
      w.appendChild(err);
      wraps[key] = w;
      return w;
    };
    const text = (value: string, attrs: Record<string, string> = {}) => h("input", { type: "text", autocomplete: "off", value, ...attrs });
    // Kept across a redraw (another vendor or check chosen), never filled from the server.
    const secret = (value = "") => {
      const input = h("input", { type: "password", autocomplete: "new-password", spellcheck: "false" });
      input.value = value;
      return input;
    };
    const read = () => {
      values = {
        ...values,
        id: editing ? editing.id : controls.id.value,
        team: controls.team.value,
        verification: controls.verification.value,
        signature: controls.signature ? controls.signature.value : values.signature,
        webhook_secret: controls.webhook_secret.value,
        basic_user: controls.basic_user ? controls.basic_user.value : "",
        max_skew_seconds: controls.max_skew_seconds.value,
        api_base_url: controls.api_base_url.value,
        credentials: Object.fromEntries(ven.credentials.map((k) => [k, controls[`credentials.${k}`].value])),
        notes_enabled: (controls.notes_enabled as HTMLInputElement).checked,
        min_severity: controls.min_severity.value,
        min_interval_minutes: controls.min_interval_minutes.value,
        self_author_ids: controls.self_author_ids.value,
      };
    };
    const redraw = async () => {
      read();
      await integrationsViewRedraw(section);
    };

    const vendorSelect = select(VENDORS.map((v): [string, string] => [v.id, v.label]), values.vendor, { disabled: editing !== null });
    vendorSelect.addEventListener("change", () => {
      read();  // what was typed, then the new vendor with its default check
      values = { ...values, vendor: vendorSelect.value, verification: vendor(vendorSelect.value).verification[0] };
      void integrationsViewRedraw(section).then(() => section.querySelector<HTMLElement>("#int-vendor")?.focus());
    });
    const verification = select(ven.verification.map((v): [string, string] => [v, VERIFICATION_LABELS[v] ?? v]),
      ven.verification.includes(values.verification) ? values.verification : ven.verification[0]);
    verification.addEventListener("change", () => void redraw().then(() => section.querySelector<HTMLElement>("#int-verification")?.focus()));
    const team = teamSelect(app, values.team, "All teams (the tenant's rules)");
    const notes = h("input", { type: "checkbox" });
    notes.checked = values.notes_enabled;

    const wrapsList: (HTMLElement | null)[] = [
      h("h3", { id: "integration-form-h", tabindex: -1 }, editing ? `Edit integration ${editing.id}` : "New integration"),
      editing ? h("p", { class: "help" }, "Secret fields are empty: what is stored is never shown. Leave one empty to keep the stored secret; type a new value to replace it.") : null,
      h("fieldset", {}, h("legend", {}, "The integration"),
        add("id", "Id (in the webhook URL)", text(editing ? editing.id : values.id, editing ? { readonly: "true" } : { required: "true" }), "1–64 of A–Z a–z 0–9 - _; ids are global and cannot be changed."),
        add("vendor", "Helpdesk", vendorSelect),
        add("team", "Team whose rules check its replies", team)),
      h("fieldset", {}, h("legend", {}, "Webhook check"),
        add("verification", "How its webhooks are verified", verification),
        ven.id === "front" ? add("signature", "Front webhook kind", select([["application", "application webhooks (HMAC-SHA256)"], ["rule", "legacy rule webhooks (HMAC-SHA1)"]], values.signature)) : null,
        verification.value === "basic" ? add("basic_user", `Basic user${keep}`, secret(values.basic_user), `The user of Authorization: Basic.${setNote("basic user")}`) : null,
        add("webhook_secret", `Webhook secret${keep}`, secret(values.webhook_secret), `${verification.value === "basic" ? "The Basic password." : verification.value === "signature" ? "The HMAC key the helpdesk signs with." : "The shared secret."}${setNote("webhook secret")}`),
        add("max_skew_seconds", "Timestamp window (seconds)", text(values.max_skew_seconds, { inputmode: "numeric" }), "1–3600: older deliveries are refused as replays.")),
      h("fieldset", {}, h("legend", {}, "Private coaching notes"),
        add("notes_enabled", "Post private coaching notes", notes),
        add("min_severity", "Lowest severity that makes a note", select([["hint", "hint"], ["suggestion", "suggestion"], ["warning", "warning"]], values.min_severity)),
        add("min_interval_minutes", "At most one note per conversation every (minutes)", text(values.min_interval_minutes, { inputmode: "numeric" }), "0 = no limit."),
        add("api_base_url", "API base URL", text(values.api_base_url, { inputmode: "url" }), "The helpdesk's API root; Intercom, Front, Help Scout and LiveChat default to their public host."),
        ...ven.credentials.map((k) => add(`credentials.${k}`, `API credential ${k}${keep}`, secret(values.credentials[k] ?? ""), `Needed to post notes.${setNote(k)}`)),
        add("self_author_ids", "Author ids tactful posts as (comma-separated)", text(values.self_author_ids), "Their messages are stored, never coached.")),
    ];
    const credentialsError = h("p", { class: "field-error", id: "int-credentials-error" });
    const credentialsWrap = h("div", {}, credentialsError);
    wraps.credentials = credentialsWrap;
    const submit = h("button", { type: "submit", class: "primary", id: "integration-save" }, editing ? `Save integration ${editing.id}` : "Create integration");
    const result = h("div", { id: "integration-result", role: "status", "aria-live": "polite" });
    const save = async () => {
      read();
      for (const p of f.querySelectorAll<HTMLElement>(".field-error")) p.textContent = "";
      for (const c of f.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
      const body = bodyFrom(values, editing !== null);
      const s = editing
        ? await app.api.call<JsonObject>("PUT", withQuery(`/v1/admin/integrations/${encodeURIComponent(editing.id)}`, { version: editing.version }), body)
        : await app.api.call<JsonObject>("POST", "/v1/admin/integrations", body);
      if (s.ok) {
        const id = String(s.data.id);
        const was = editing !== null;
        editing = null;
        values = emptyValues(values.vendor);
        return rerender(section, `${was ? "Saved" : "Created"} integration ${id} (version ${String(s.data.version)}). Point the helpdesk's webhook at ${String(s.data.webhook_path)}.`, true);
      }
      const problems = (s.data.problems ?? []) as { path: string; message: string }[];
      let first: HTMLElement | null = null;
      for (const p of problems) {
        const key = fieldOf(p.path);
        const slot = key ? wraps[key]?.querySelector<HTMLElement>(".field-error") ?? null : null;
        if (!slot) continue;
        slot.textContent = p.message;
        const c = controls[key] ?? null;
        c?.setAttribute("aria-invalid", "true");
        first ??= c;
      }
      say(result, `Not saved: ${s.data.error || s.status}`, false);
      first?.focus();
    };
    const f = h("form", { id: "integration-form", novalidate: true, onsubmit: (e: Event) => { e.preventDefault(); void save(); } },
      ...wrapsList, credentialsWrap, result,
      h("div", { class: "row" }, submit,
        editing ? button("Cancel editing", () => { editing = null; values = emptyValues(); void integrationsViewRedraw(section); }) : null));
    return f;
  }

  // Redraws only the form, so what was typed and the list stay as they are.
  async function integrationsViewRedraw(section: HTMLElement): Promise<void> {
    const old = section.querySelector("#integration-form");
    if (old) old.replaceWith(form(section));
  }
}
