// The part of the Zendesk Apps Framework v2 client this app uses (developer.zendesk.com, "ZAF
// client API"; ticket sidebar: comment.text, comment.useRichText, ticket.conversation, the
// comment.text.changed and ticket.save events, the notify and resize actions).
export interface ZafClient {
  metadata(): Promise<{ settings: Record<string, unknown> }>;
  get(path: string | string[]): Promise<Record<string, unknown>>;
  set(path: string, value: unknown): Promise<unknown>;
  on(event: string, handler: (...args: unknown[]) => unknown): void;
  invoke(name: string, ...args: unknown[]): Promise<unknown>;
}

declare global {
  const ZAFClient: { init(): ZafClient };
}
