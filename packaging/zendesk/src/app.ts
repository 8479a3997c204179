// The Zendesk ticket-sidebar app: coaches the reply before it is sent. The draft comes from
// comment.text (and comment.text.changed), fixes go back with comment.text, the ticket's
// conversation is the context, and a ticket.save hook warns about warnings still in the reply —
// or blocks the save when the admin's "block_on_warnings" setting is on. An unreachable server
// never blocks a save: the hook lets it through and says the reply was not checked.
import { SidebarCoach } from "../../../plugin/web/widget/src/sidebar";
import { categoryName } from "../../../plugin/web/widget/src/card";
import { ZendeskHost } from "./zendesk_host";

const client = ZAFClient.init();

function setting(settings: Record<string, unknown>, name: string): string {
  const v = settings[name];
  return typeof v === "string" ? v.trim() : "";
}

function fail(text: string): void {
  const p = document.createElement("p");
  p.className = "problem";
  p.textContent = text;
  document.getElementById("app")!.append(p);
}

async function start(): Promise<void> {
  const { settings } = await client.metadata();
  const server = setting(settings, "server_url");
  if (!server) return fail("Set the tactful server URL in this app's settings (Admin Center → Apps).");
  const block = settings.block_on_warnings === true || settings.block_on_warnings === "true";
  const integration = setting(settings, "integration_id");
  const ids = await client.get(["ticket.id", "ticket.requester.name", "currentUser.id"]);
  const ticket = String(ids["ticket.id"] ?? "");
  const coach = new SidebarCoach(document.getElementById("app")!, new ZendeskHost(client), {
    server,
    apiKey: setting(settings, "api_key") || undefined,
    agentId: ids["currentUser.id"] !== undefined ? `zendesk-${ids["currentUser.id"]}` : undefined,
    customerName: typeof ids["ticket.requester.name"] === "string" ? ids["ticket.requester.name"] : undefined,
    conversationId: ticket ? `zendesk-${ticket}` : undefined,
    conversationRef: integration && ticket ? { integration, id: ticket } : undefined,
    channel: "email",
    title: "tactful coaching for this reply",
  });
  void client.invoke("resize", { width: "100%", height: "420px" });

  // Before the reply is saved: the warnings of the draft as it is now.
  client.on("ticket.save", async () => {
    const { checked, warnings } = await coach.check(2000);
    if (!checked) {
      void client.invoke("notify", "tactful could not check this reply (server unreachable).", "notice");
      return true;
    }
    if (!warnings.length) return true;
    const what = warnings.map((w) => `${categoryName(w.category)}: “${w.text}”`).join("; ");
    const message = `tactful: ${warnings.length} warning${warnings.length === 1 ? "" : "s"} in this reply — ${what}`;
    if (block) return `${message}. Fix or dismiss ${warnings.length === 1 ? "it" : "them"} in the tactful panel to send.`;
    void client.invoke("notify", message, "alert");
    return true;
  });
}

start().catch((e) => fail(`tactful could not start: ${e instanceof Error ? e.message : String(e)}`));
