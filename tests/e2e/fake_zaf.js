// A stand-in for Zendesk's ZAF v2 SDK (zaf_sdk.min.js) in the browser tests: ZAFClient.init()
// returns a client with the calls the tactful app makes, over a ticket the test controls through
// window.fakeZendesk. Events and the save hook behave as the research describes ZAF's: change
// events carry no payload, and a ticket.save handler may return true, false, a string (the error
// shown) or a Promise of those.
"use strict";
(() => {
  const state = Object.assign({
    settings: {},
    comment: "",
    rich: true,
    conversation: [],
    ticket: { id: 17, requester: { name: "Dana" } },
    user: { id: 42 },
  }, window.__zafState || {});
  const handlers = {};
  const fire = (event) => (handlers[event] || []).forEach((h) => h());
  const values = () => ({
    "comment.text": state.comment,
    "comment.useRichText": state.rich,
    "ticket.conversation": state.conversation,
    "ticket.id": state.ticket.id,
    "ticket.requester.name": state.ticket.requester.name,
    "currentUser.id": state.user.id,
  });
  const client = {
    metadata: async () => ({ settings: state.settings }),
    get: async (paths) => {
      const all = values();
      const out = {};
      for (const p of [].concat(paths)) out[p] = all[p];
      return out;
    },
    set: async (path, value) => {
      if (path !== "comment.text") throw new Error(`fake ZAF: cannot set ${path}`);
      state.comment = value;
      fake.sets.push(value);
      setTimeout(() => fire("comment.text.changed"), 0);
      return { [path]: value };
    },
    on: (event, handler) => { (handlers[event] = handlers[event] || []).push(handler); },
    invoke: async (name, ...args) => {
      if (name === "notify") fake.notifications.push({ message: args[0], kind: args[1] });
      return {};
    },
  };
  const fake = {
    notifications: [],
    sets: [],
    /** The agent types: the comment changes and Zendesk says so. */
    type(body) {
      state.comment = body;
      fire("comment.text.changed");
    },
    comment: () => state.comment,
    /** The agent presses Submit: runs the save hooks as ZAF does; {allowed, message}. */
    async save() {
      for (const h of handlers["ticket.save"] || []) {
        let r;
        try {
          r = await h();
        } catch (e) {
          return { allowed: false, message: String(e && e.message ? e.message : e) };
        }
        if (r === false) return { allowed: false, message: "" };
        if (typeof r === "string") return { allowed: false, message: r };
        if (r instanceof Error) return { allowed: false, message: r.message };
      }
      return { allowed: true, message: "" };
    },
  };
  window.fakeZendesk = fake;
  window.ZAFClient = { init: () => client };
})();
