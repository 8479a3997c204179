// What the customer asks for or threatens: a feature, to cancel or leave, a manager, a promise
// kept, a reply that never came, their account back, a review or a dispute. Harms told are in
// intent_lexicon.cc.
#include "customer/intent_lexicon.h"

namespace tactful::customer {

const std::vector<IntentPhrases>& request_intent_phrases() {
  static const std::vector<IntentPhrases> lexicon = {
      {"feature-request",
       {"feature request", "would be (nice|great|helpful|awesome|good|useful) if|to",
        "(can|could) you (add|build|make|support|include|implement)",
        "please (add|support|build|consider adding|implement)", "any plans to", "do you plan to",
        "(will|would) you [ever] (support|add|offer|have)",
        "I wish (there was|you had|it could|it had|there were)", "is there [any] way to",
        "suggestion", "(it'd|it would) be (great|nice|helpful|awesome) to", "feature idea",
        "missing feature", "roadmap", "(do|does) (you|it) support",
        "why (can't|doesn't) (it|the app|you)", "dark mode", "offline mode", "an option to",
        "ability to",
        // A wish told as advice: "you should get rid of the 40 minute limit", "you guys need to
        // add a dark theme". Not "make": "you should make sure" is a demand, not a wish.
        "(you|you guys|y'all|u) (should|could|ought to) (really|seriously|honestly) "
        "(add|remove|drop|scrap|lift|allow|offer|include|introduce|bring back|get rid of)",
        "(you|you guys|y'all|u) (should|could|ought to) "
        "(add|remove|drop|scrap|lift|allow|offer|include|introduce|bring back|get rid of)"}},
      {"cancellation",
       {"cancel~ (my|the|our|this) "
        "(subscription|account|order|membership|plan|booking|contract|service|reservation|policy)",
        "(want|wish|would like|like|need) to cancel", "close my account", "delete my account",
        // Leaning towards cancelling, and closing an account of any kind.
        "(tempted|thinking|considering|about|ready|going|planning|close|inclined|minded|"
        "seriously thinking) to cancel",
        "(close|cancel|delete|terminate|shut|end|shut down) (my|our) [trade|business|work|"
        "personal|online|customer|old|main|whole|entire|family|joint|company|pro|premium|student|"
        "gym|club|kids'|shop|store|loyalty|standing|monthly|annual|yearly] (account|membership|"
        "subscription|order|plan|contract)",
        "unsubscribe", "stop my subscription", "end my subscription", "cancel it",
        "cancel everything", "terminate my", "cancellation",
        "cancel~ [it|this|that|everything|my|our|the] altogether",
        "(that's|that is) it [,] (I'm|I am|we're|we are) cancel~",
        "(that's|that is) it [,] cancel~", "(I'm|I am|we're|we are) cancel~"}},
      {"churn-threat",
       {"(I'm|I am|we're|we are|I'll|I will|we'll|we will|going to|gonna|about to|ready to|plan "
        "to|planning to) switch~ [provider|providers|company|companies|bank|banks|to]",
        "(switching|moving|going|taking my business) (elsewhere|to a competitor|to another|to a "
        "different|to your competitor)",
        "take my business elsewhere", "take our business elsewhere",
        "(moving|move|taking|take|switching|switch|transferring|transfer) (my|our) "
        "[salary|money|savings|account|accounts|business|custom|mortgage|policy|plan|contract|"
        "membership|pension] (elsewhere|to another|to a different|to a competitor|to a rival|to "
        "your competitor|to a new)",
        "(thinking|think) (of|about) (moving|switching|leaving|cancelling|canceling|going "
        "elsewhere)",
        "moving (our|my) (team|business|account|company|money|accounts) to",
        "(find|finding|look for|looking for) (another|a different|a new) "
        "(provider|company|bank|service|app|store|carrier|airline|supplier|vendor)",
        // Weighing the rivals up: "we'll be looking for other firms", "time to shop around".
        "(I'll|we'll|will|going to|gonna|start|be) (look|looking) (at|for) (other|alternative|"
        "different) (providers|suppliers|companies|firms|contractors|vendors|options)",
        "(look|looking|shop|shopping) elsewhere", "shop~ around",
        "(I'm|I am|we're|we are) leaving (you|for|your company|this company|your service)",
        "(I'm|I am|we're|we are) done (with)",
        // "I'm done." on its own: the end of the customer's patience.
        "(I'm|I am|we're|we are) [so|just|completely|absolutely|officially|honestly|totally] "
        "done (.|!)",
        "(I'll|I will|we'll|we will|going to) leave (you|your)",
        "never (buy~|order~|shop~|use|using|fly|flying|book~|stay~|come|coming|deal~|recommend~) "
        "(from|with|again|here|back|you)",
        "last time I (order|buy|use|shop|fly|book)", "lost a (customer|loyal customer)",
        "losing a (customer|loyal customer)", "former customer",
        "(go|went|going) (to|with) (a|your) competitor", "competitor", "competitors",
        "won't be (renewing|back|returning|coming back|ordering|using)", "not renewing",
        "(will|I'll|we'll) not renew",
        "consider~ (leaving|switching|cancelling|canceling|other options|alternatives)",
        // Leaving said as what the customer will do instead, in any trade: "we'll find another
        // venue", "I'll read the news online for free".
        "(I'll|I will|we'll|we will|I'm going to|we're going to) (find|use|try|book|go to|switch "
        "to|move to) (another|a different|someone else|somewhere else|elsewhere)",
        "(moving|taking|switching|move|take) (my|our) (prescriptions|prescription|orders|order|"
        "custom|business|account|accounts|subscription|membership|bookings|booking|repairs|"
        "servicing|deliveries|work|lessons) to "
        "(another|a different|a new|someone else)",
        "(I'll|I will|we'll|we will) (read|get|buy|watch|order) (it|them|the news|everything) "
        "[online] (elsewhere|for free|somewhere else)",
        // Taking one's things or custom somewhere else.
        "(take|taking|move|moving|put|putting|store|storing|keep|keeping) (my|our) (stuff|things|"
        "business|custom|car|cars|boat|money|kids|children|dog|dogs|horse|family|van|belongings|"
        "trade|bookings|booking|orders|order|lessons|membership|subscription|account|accounts|"
        "work|repairs|deliveries|servicing|events|trips|team) (somewhere else|elsewhere)"}},
      {"escalation-request",
       {"manager", "supervisor", "someone senior",
        "(someone|somebody) (in charge|higher up|more senior|who can help)", "escalate~",
        "your boss", "higher up", "complaints (department|team)", "team lead|leader",
        "(speak|talk) to (a|your|the) (human|person|real person|manager|supervisor)",
        "senior (staff|agent|person|member)", "head of", "formal complaint", "in charge",
        "(speak|talk) to (someone|somebody) (else|senior|more senior|higher up)",
        "(speak|talk|speaking|talking|get|put me through|complain|complaining|write|writing|email) "
        "to (the|your) (owner|owners|director|directors|ceo|head office|management)",
        // Whoever has the power to act, however it is put.
        "(someone|somebody|anyone|anybody|a person) (who|that) (can|could) actually",
        "(someone|somebody) (who|that) (can|could|is able to) (fix|sort|decide|authorise|authorize|"
        "approve|override)",
        "(someone|somebody) with (the|more|real|some) (authority|power)",
        "(the|your) (owner's|director's|manager's|supervisor's|boss's|ceo's)",
        "(the|your) (owner|director|ceo) (email|number|phone number|contact|details|address)",
        "(want|need|get me|give me) (a|an) (human|real person|actual person|actual human)",
        // Whoever is above the agent, or runs the place, without naming the role.
        "(anyone|someone|somebody|anybody) (above|over) you", "above your head", "your superior~",
        "(whoever|who) [actually|really] (runs|owns|manages) (this|the|your) (place|company|"
        "business|shop|show|firm|site|branch|club|studio|garage|centre|center)",
        "(whoever|the person who) [actually|really] (is in charge|makes the decisions|can "
        "decide)"}},
      {"broken-promise",
       {"you promised", "(was|were) promised", "promised (me|us)", "I was told", "we were told",
        "(you|they|he|she|your agent|your colleague|the agent) (said|told me|told us) "
        "(it|you|they|that|I|this) (would|will|'d)",
        "supposed to (call|email|contact|get back|be fixed|be resolved|be refunded|ring)",
        "(never|nobody|no one|no-one) (called|emailed|got back|contacted|rang) [me] [back]",
        "still (haven't|have not|didn't|did not) (heard|received|got) (back|a call|an "
        "email|anything)",
        "(didn't|did not|never) (call|email|get back|contact) (me|us) [back] (as|like) promised",
        "as promised", "broke (your|their) promise", "you said you would", "were meant to",
        "told me (my|the|our|that|it|this|they|you)", "you said <number>",
        "(the|your) (schedule|website|email|app|site|confirmation) said",
        // A state the company claimed that proved false: "you said it was fixed".
        "(you|they|he|she|someone) (said|told me|told us) [that] (it|they) (was|were|had been) "
        "(fixed|ready|done|sorted|repaired|finished|sent|posted|booked|refunded|cancelled|"
        "delivered|dispatched)",
        // A day or date given and since gone by ("they said Friday, and nothing").
        "(you|they|he|she|someone) said [by|on] (monday|tuesday|wednesday|thursday|friday|"
        "saturday|sunday|january|february|march|april|may|june|july|august|september|october|"
        "november|december|today|tomorrow|this week|next week) (.|!|,|and|but|;)",
        "(your|the) (guy|colleague|team|fitter|engineer|rep|driver|office) said (monday|tuesday|"
        "wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
        "august|september|october|november|december|today|tomorrow|this week|next week) (.|,|and|"
        "but)",
        "(approved|confirmed) it on",
        // Promised by anyone on the company's side, or told what they would have and when.
        "(colleague|colleagues|engineer|agent|rep|representative|manager|staff|surveyor|"
        "technician|driver|salesman|saleswoman|salesperson|assistant|advisor|adviser|guy|man|"
        "woman|lady|team|office|person|someone|somebody|he|she|they|it) promised",
        "(the|a) (callback|call|refund|visit|quote|email|update|reply|replacement|repair) "
        "(you|they|"
        "he|she|your colleague|your team) promised",
        "(said|told me|told us|promised) (I'd|I would|we'd|we would) (have|get|hear|receive|be)",
        "(you|they|he|she) said (that|this|so|the same) (last|on|yesterday|before|earlier|a|two|"
        "three)",
        // A finish told as it was promised ("you said the decking would be done by Friday"):
        // whoever said it, "would be ... by" a day recounts a promise, not a question.
        "(would|'d|was going to|were going to) be (done|finished|ready|completed|fixed|sorted|"
        "installed|fitted|back|working|up) by (monday|tuesday|wednesday|thursday|friday|saturday|"
        "sunday|today|tomorrow|tonight|lunchtime|noon|now|the weekend|<number>)"}},
      // Earlier contacts the customer says went unanswered: a reply never came, nobody rang back,
      // the emails were ignored. Past or habitual ("nobody ever gets back to me"), not what may
      // happen ("if nobody replies"). Read only in messages the agent has not answered since
      // (customer.cc): the reply owes a line for the silence (responsiveness.unanswered).
      {"contact.unanswered",
       {"(heard|got|received|had) nothing back",
        "(haven't|have not|hasn't|has not|havent|not|never|didn't|did not) (heard|had|got|gotten|"
        "received) [anything|a thing|a word|a reply|a response|an answer|a call|a callback] back",
        "(haven't|have not|havent|not|never|didn't|did not) heard (anything|a thing|a word|a "
        "peep|from you|from anyone|from anybody|from your team|from your office)",
        "heard nothing (since|from you|from anyone|from anybody|from your|at all|back|yet)",
        "(I've|I have|we've|we have|and|but|still|yet|have) heard nothing",
        "(nobody|no one|noone|no-one) [has|have|had|ever|even|has ever] (replied|responded|"
        "answered|got back|gotten back|rang back|rung back|called back|called me back|rang me "
        "back|rung me back|phoned back|phoned me back|picked up|emailed back|written back|"
        "wrote back|returned my|been in touch|got in touch|gotten in touch|answers|picks up)",
        "(nobody|no one|noone|no-one) ever (replies|responds|gets back|rings back|calls back|"
        "writes back|answers)",
        "(nobody's|no one's|noone's) (rung|called|phoned|got|gotten|replied|responded|been) "
        "[me] (back|in touch)",
        // From or to whom: "no response from the app" is a fault, not silence.
        "no (reply|response|replies|responses|callback|call back|return call) (from you|from "
        "anyone|from anybody|from your|from the team|from the office|from the shop|from support|"
        "to my|to our|to any|to either|to both|to <number>|to two|to three|to four|to several|"
        "to multiple|yet|at all|whatsoever|since)",
        "no answer (from you|from anyone|from anybody|from your|to my|to our|to any|to either|"
        "to both|yet)",
        "(had|got|received|getting|get) no (reply|response|replies|responses|answer|answers|"
        "callback|call back|acknowledgement)",
        "still no (reply|response|answer|callback|call back|word)",
        "without (a|any) (reply|response|answer|callback|acknowledgement)",
        "(you|you've|you have|they|they've|they have|your team|your staff|your office|he|she) "
        "[have|has] never (replied|responded|got back|gotten back|rang back|rung back|called "
        "back|wrote back|written back|emailed back|returned my)",
        "(you|they|your team|your staff|your office|he|she) (didn't|did not|haven't|have not|"
        "hasn't|has not|still haven't|still have not|still hasn't|won't|wouldn't) (reply|respond|"
        "get back|ring back|call back|call me back|ring me back|write back|replied|responded|got "
        "back|rung back|called back|called me back|rung me back|written back|returned my)",
        "(don't|do not|never|won't|didn't|did not) (answer|pick up) (the phone|your phone|the "
        "phones|your phones|my emails|my calls|my messages|emails|calls)",
        "(emails|messages|calls|voicemails|letters|tweets|requests|complaints|questions|"
        "enquiries|inquiries|dms) (have been|were|went|got|are being|being|keep getting|keep being|"
        "have gone|have all gone|all went|have all been|were all) (ignored|unanswered)",
        "(ignored|ignoring) (me|us|my emails|my messages|my calls|my voicemails|my letters|my "
        "complaints|my requests|my questions|our emails|our messages|our calls)",
        "left unanswered"}},
      {"account-access",
       {"locked out", "lock~ out", "(can't|cannot) (I|we) (log|sign) (in|on)",
        "(can't|cannot|can not|unable to|couldn't|could not|won't let me) (log|sign) (in|into|on)",
        "(can't|cannot|can not|unable to|couldn't) (login|access|get into) (my|the) "
        "(account|app|profile)",
        "(can't|cannot|unable to) login",
        "(code|email|link|text) (never|didn't|did not|doesn't|does not|hasn't|has not) "
        "(arrive|arrived|come|came|work|worked)",
        "account (is|was|got|has been) "
        "(locked|suspended|disabled|hacked|compromised|blocked|deactivated)",
        "lost access", "access [to] my account", "[my] account (locked|suspended|hacked)", "hacked",
        "(I|we) (got|was|were|am) (banned|suspended)",
        "(I've|I have|we've|we have) been (banned|suspended)", "(I'm|I am|we're|we are) banned",
        "account (is|was|got|has been) banned",
        "(banned|suspended|blocked|closed|froze|frozen) my account"}},
      {"review-threat",
       {"(leave|leaving|post|posting|write|writing) [a] (bad|negative|terrible|1-star|one-star|1 "
        "star|one star) review",
        "(leave|post|write) a review", "(leaving|posting|writing) (a|an) [honest] review",
        "review on (steam|google|trustpilot|yelp|tripadvisor|facebook|amazon|the app store|the "
        "play store)",
        "1 star", "one star", "1-star", "one-star", "trustpilot", "yelp",
        "(tell|telling|warn|warning) (everyone|everybody|all my friends|people|others)",
        "(post|posting|share|sharing) (this|it|about this) (on|all over) (social "
        "media|twitter|facebook|instagram|tiktok|reddit)",
        "(every|any) review (site|sites|page|website)",
        // Telling it on a public site: "we'll be posting about it on Facebook".
        "(saying|say|telling|tell|posting|post|writing|write|sharing|share|shouting|talking) [so|"
        "it|this|that|about it|about this|about you|about you lot|about this place|all about "
        "it|about your company|everyone|people] "
        "on (google|facebook|twitter|instagram|tiktok|reddit|trustpilot|yelp|tripadvisor|"
        "nextdoor|mumsnet|social media|social|x|every site|the local|local|the village|the "
        "community)",
        "review (sites|websites)", "go public", "going public", "journalist",
        // A review announced as already on its way: "my review goes up tonight".
        "[my|the|a] review (is going|goes|'s going|will go|going) (up|live|online|out)",
        // The press as the newspapers told of us, not a machine ("the press arrived without its
        // plate", "caught in your press").
        "(to|tell|telling|tip off|alert|alerting|contact|contacting|call|calling|involve|"
        "involving) the [local|national] (press|paper|papers|newspaper|newspapers)",
        "the [local|national] press (will|'ll|would|are going)",
        "(post|posting|share|sharing) (this|it) everywhere", "(tell|telling) every",
        "(warn|warning) (every|all|other)",
        "(put|putting|plaster|plastering|post|posting|share|sharing) (this|it|that) (all over|on) "
        "(social media|twitter|facebook|instagram|tiktok|reddit|the internet|google|mumsnet|x|"
        "local groups|every)"}},
      {"dispute-threat",
       {"chargeback", "charge back",
        "(going|go|went|complain~|contact~|call~|report~|speak~|talk~) to my (credit card "
        "company|card company|card provider|card issuer|credit card provider|bank)",
        "dispute~", "(call|contact|calling|contacting) my bank",
        "report~ (you|your company|your business)",
        "report~ (this|it|them) to (the|a|my|trading|consumer|your)", "lawyer", "legal action",
        "sue", "suing", "small claims",
        // A court of law, not a place ("the tennis court", "the food court").
        "to court", "in court", "court (action|case|claim|claims|proceedings|order|summons)",
        "county court", "bbb", "better business bureau", "consumer protection", "ombudsman",
        // A regulator as the body told of us, not the part ("does the hose fit any regulator?").
        "to (the|your) [energy|financial|fundraising|charity|housing|water|rail|telecoms|gambling|"
        "pensions|legal|health|care|information|industry|relevant|appropriate] regulator",
        "(contact~|tell|telling|inform~|involve~|alert~) the regulator", "the regulator (will|'ll)",
        "regulators", "trading standards",
        // Solicitors and legal advice.
        "(my|a|our) (solicitor|solicitors|attorney|lawyers)", "legal advice",
        "(contact|contacting|call|calling|speak to|speaking to|see|seeing|instruct|instructing) "
        "(a|my|our) (solicitor|attorney)"}},
  };
  return lexicon;
}

}  // namespace tactful::customer
