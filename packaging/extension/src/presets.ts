// Where the reply editor and the conversation are in each helpdesk's page. These are
// best-effort: helpdesks change their markup without notice, so every selector here can be
// replaced per site in the options page, and a site without a matching preset uses "generic".
// Sources: Chatwoot's and Zammad's open-source front ends (class names of the reply editor and
// the article list); the others from their pages' public markup as observed in third-party
// browser tooling, unverified against live accounts.

export interface Selectors {
  /** The reply editor(s): a textarea or a contenteditable element. */
  editor: string;
  /** Each message of the visible conversation, oldest first in document order ("" = none). */
  messages: string;
  /** A message matching this (or inside an element matching it) is the customer's. */
  customer: string;
  /** Inside a message: the element holding its text ("" = the whole message). */
  text: string;
  /** Messages to leave out (internal notes). */
  exclude: string;
  /** Inside the editor: quoted text and signatures the engine should skip. */
  skip: string;
}

export interface Preset extends Selectors {
  id: string;
  name: string;
  /** Host names (or their endings) that suggest this preset when a site is added. */
  hosts: string[];
}

export const PRESETS: Preset[] = [
  {
    id: "chatwoot", name: "Chatwoot", hosts: ["chatwoot.com", "chatwoot"],
    editor: ".reply-box .editor-root .ProseMirror, .editor-root .ProseMirror",
    messages: ".conversation-panel li.left, .conversation-panel li.right",
    customer: "li.left", text: ".message-text__wrap, .text-content", exclude: ".is-private, li.center",
    skip: "blockquote",
  },
  {
    id: "intercom", name: "Intercom", hosts: ["app.intercom.com", "intercom.com"],
    editor: "[data-testid='composer'] [contenteditable='true'], .composer-inbox [contenteditable='true']",
    messages: "[data-conversation-part], .conversation__part",
    customer: "[data-part-author-type='user'], [data-part-author-type='lead'], .conversation__part--user",
    text: ".conversation__text, [data-testid='part-body']", exclude: "[data-part-type='note'], .conversation__part--note",
    skip: "blockquote",
  },
  {
    id: "helpscout", name: "Help Scout", hosts: ["secure.helpscout.net", "helpscout.net"],
    editor: "#editor [contenteditable='true'], .redactor-editor, [data-cy='editor'] [contenteditable='true']",
    messages: ".thread-item, [data-cy='thread']",
    customer: ".is-customer, [data-cy='customerThread']", text: ".thread-content, .message-body",
    exclude: ".is-note, [data-cy='noteThread']", skip: "blockquote, .signature",
  },
  {
    id: "zammad", name: "Zammad", hosts: ["zammad.com", "zammad"],
    editor: ".active.content .article-new .articleNewEdit-body",
    messages: ".active.content div.ticket-article-item",
    customer: ".customer", text: ".textBubble-content, .richtext-content", exclude: ".is-internal",
    skip: "blockquote, [data-signature='true']",
  },
  {
    id: "livechat", name: "LiveChat", hosts: ["my.livechatinc.com", "livechatinc.com", "livechat.com"],
    editor: "[data-testid='message-box'] textarea, [data-testid='message-box'] [contenteditable='true'], textarea[name='message']",
    messages: "[data-testid='message'], [data-testid='chat-message']",
    customer: "[data-author-type='customer'], [data-testid='customer-message']", text: "",
    exclude: "[data-visibility='agents']", skip: "",
  },
  {
    id: "zendesk", name: "Zendesk (Agent Workspace)", hosts: ["zendesk.com"],
    editor: "[data-test-id='omnicomposer-rich-text-ckeditor'], .ck-editor__editable[contenteditable='true'], [data-test-id='omnicomposer-plain-text'] textarea",
    messages: "[data-test-id='omni-log-comment-item'], [data-test-id='omni-log-message-item']",
    customer: "[data-test-id*='end-user'], [data-is-agent='false']", text: "[data-test-id='omni-log-comment-text'], .zd-comment",
    exclude: "[data-test-id*='internal-note'], [data-is-internal='true']", skip: "blockquote, .zd-signature",
  },
  {
    id: "front", name: "Front", hosts: ["app.frontapp.com", "frontapp.com"],
    editor: "[data-testid='composer-editor'] [contenteditable='true'], .composer [contenteditable='true']",
    messages: "[data-testid='message'], .message-container",
    customer: "[data-inbound='true'], .message-container.inbound", text: ".message-content, [data-testid='message-body']",
    exclude: "[data-testid='comment']", skip: "blockquote, .front-signature",
  },
  {
    id: "freshdesk", name: "Freshdesk", hosts: ["freshdesk.com"],
    editor: ".fr-element.fr-view[contenteditable='true'], .redactor_editor, [data-test-id='reply-editor'] [contenteditable='true']",
    messages: ".ticket-details__item, [data-test-id='conversation-item']",
    customer: ".ticket-details__item--requester, [data-test-id='requester-message']", text: ".ticket-details__item__content, .conversation-body",
    exclude: ".private-note, [data-test-id='private-note']", skip: "blockquote, .freshdesk_quote",
  },
  {
    id: "generic", name: "Any page (every text box)", hosts: [],
    editor: "textarea, [contenteditable='true']", messages: "", customer: "", text: "", exclude: "", skip: "blockquote",
  },
];

export function presetById(id: string): Preset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[PRESETS.length - 1];
}

/** The preset a host name suggests (the generic one when none does). */
export function presetForHost(host: string): Preset {
  const h = host.toLowerCase();
  return PRESETS.find((p) => p.hosts.some((x) => h === x || h.endsWith("." + x) || h.includes(x))) ?? presetById("generic");
}
