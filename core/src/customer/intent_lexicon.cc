#include "customer/intent_lexicon.h"

namespace tactful::customer {

const std::vector<IntentPhrases>& intent_lexicon() {
  static const std::vector<IntentPhrases> lexicon = {
      {"billing.double-charge",
       {"charged|billed|debited|invoiced|took|taken|charging|billing [me|us|my card|my account|our "
        "card|our account|me on|us on] (twice|double|2x|two times|three times)",
        "double charged|charge|charging|billed|billing|payment|debit|debited", "double-charged",
        "double-billed",
        "(duplicate|duplicated|two|2|multiple) "
        "(charges|payments|transactions|debits|charge|payment|transaction)",
        "paid twice", "charged for the same", "same (charge|payment|amount) twice",
        "(taken|taking|took) (the money|payment|my money) twice"}},
      {"billing.refund",
       {"refund~", "money back", "reimburse~", "reimbursement", "return my money",
        "credit (it|my account|my card) back", "give me back", "want my money",
        // Money asked back by what it was: "the balance of the course back", "my deposit back".
        "(the rest|the balance|the remainder|the difference|my deposit|the deposit|our deposit|"
        "my money|the money|our money|what I paid|what we paid|the fee|my fee|the cost) [of the "
        "term|of it|of the course|of the fee|of the year|of the season] back"}},
      {"billing.unexpected-charge",
       {"unexpected charge|charges|payment|fee|bill",
        "unauthorized|unauthorised charge|charges|transaction|payment",
        "(didn't|did not|never) (authorize|authorise|agree|sign up|order|approve)",
        // Not asking for a thing is a charge only when the thing is billed: "I never asked for
        // this subscription", not "a friend gave me coins, I didn't ask for it".
        "(didn't|did not|never) (ask|asked) (for) [this|that|the|a|an|any|extra|an extra] "
        "(charge|charges|subscription|upgrade|renewal|membership|plan|insurance|add-on|addon|"
        "warranty|premium|trial|extras|service|bundle|package|delivery|express delivery|fee|fees)",
        "(didn't|did not|never) (ask|asked) to be (charged|billed|signed up|upgraded|renewed|"
        "subscribed|enrolled)",
        "why (was|am|have) I [been] (charged|billed)", "why (did|do) you charge~",
        "charged [me] without", "charged [me] after (I|i'd)", "charged even though", "auto-renew~",
        "auto renew~", "renewed without", "automatically renewed", "hidden fee~", "extra charge~",
        "surprise charge", "charged for something", "what is this charge",
        "(took|taken|taking|debited|withdrew|withdrawn) [$|£|€] <number> [from] [my|our] "
        "[account|card]",
        "without (any|a) (warning|notice|notification|email|reminder)",
        "nobody (told|warned|informed|notified) (me|us)",
        "price (increase|increased|change|changed|hike|went up|jumped|rise)",
        "went [up] from [$|£|€] <number>", "never agreed", "what's this charge", "charged me for",
        "(although|even though|but) (I|we) paid", "late fee", "wrongly charged", "overcharg~",
        "estimated (my|our|the) (bill|reading|usage)",
        "signed (me|us|her|him|them|my mum|my mom|my dad|my mother|my father) up (for|to|without)",
        "(you've|you have|you) charged [me|us] (a|an|for a|for an) (full|whole|extra|additional)",
        "charged (by mistake|in error|wrongly)", "charged [me|us] again",
        "(you|they) charged (me|us) (again|after|even though|anyway)",
        "(but|though|after|when) (I|we) (cancelled|canceled|had cancelled|had canceled)",
        // Charged for what the customer had stopped, in any of its words.
        "(but|though|after|when|even though) (I|we) [had|'d|already] (paused|stopped|froze|"
        "frozen|suspended|ended|closed|put on hold|put it on hold|opted out|unsubscribed|"
        "downgraded|switched off|turned off)",
        "charged for [a] (renewal|subscription|membership) (I|we) (cancelled|canceled)"}},
      {"delivery.late",
       {"(hasn't|has not|haven't|have not|still not|not yet|didn't|did not) "
        "(arrived|arrive|come|been delivered|been shipped|shipped|turned up|shown up)",
        "(where is|where's) my order|package|parcel|delivery|shipment|stuff|item|items",
        "still waiting (for|on) (my|the) (order|package|parcel|delivery|shipment|item|refund)",
        "(order|package|parcel|delivery|shipment) (is|was) (late|delayed)", "running late",
        // Lateness told as a count: "third late pickup this week", "another late delivery".
        "(second|third|fourth|fifth|another) late (pickup|pickups|collection|collections|delivery|"
        "deliveries|arrival|visit|start|shipment)",
        "delayed", "overdue",
        "(delivery|date|order|it) keeps (moving|changing|getting pushed|slipping)",
        "(waiting|waited) for my (order|parcel|package|delivery)", "<number> (days|weeks) waiting",
        "no updates", "supposed to (arrive|be delivered|come|be here)",
        "should have (arrived|been delivered|come)", "late delivery", "late order",
        "still in transit", "tracking (hasn't|has not) (updated|moved|changed)", "stuck in transit",
        "no sign of (my|the) (order|package|parcel)", "missed (the|my) delivery date",
        "past the delivery date", "days late", "weeks late",
        "(order|orders|order's|food|delivery|driver|courier|bus|train|engineer|technician|taxi) "
        "[is|was|'s|are|were] <number> (mins|minutes|hours|hrs|hour) late"}},
      {"delivery.lost",
       {"never (arrived|came|received|got|turned up|showed up)",
        "lost (my|the) (order|package|parcel|delivery|shipment)",
        "(order|package|parcel|shipment) (is|was|got|has been) (lost|stolen|missing)",
        "(marked|shows|says|showing) [as] delivered but", "says it was delivered", "says delivered",
        "(didn't|did not|never) (receive|get) (it|my order|my package|my parcel|the package|the "
        "parcel|the order|anything)",
        "missing (order|package|parcel|item|items|delivery)", "not received", "wasn't delivered",
        "delivered to the wrong", "someone else's address", "vanished", "disappeared",
        "lost in transit", "(order|package|parcel|shipment) (has|have) (vanished|disappeared)"}},
      {"delivery.damaged",
       {"damaged",
        "(arrived|came|was|is) "
        "(broken|smashed|crushed|cracked|torn|ripped|dented|soaked|wet|leaking|defective)",
        "soaked", "smashed", "crushed", "cracked", "dented", "chipped", "shattered", "in pieces",
        "(arrived|came) with a (chip|crack|dent|hole|tear|scratch|stain|leak)",
        // A harm that recurs: "they keep arriving with scratched spools".
        "(keep|keeps|kept) (arriving|coming|turning up) (broken|damaged|scratched|cracked|dented|"
        "chipped|with)",
        "wrong (item|size|colour|color|product|order)", "missing (parts|pieces|items|item)",
        "(parts|pieces|items) (are|were) missing",
        "left (it|my parcel|the parcel|my package) (out|outside) in the rain",
        "left [my|the|our] [new] "
        "(it|parcel|package|fridge|delivery|order|box|sofa|washer|tv|furniture) (outside|out) [in "
        "the rain]",
        "(won't|will not|doesn't|does not) (turn|switch|power) on", "ruined",
        // Tampered with, counterfeit, or food that arrived inedible.
        // Damage done by the company's people on site.
        "(you|you've|they|they've|movers|staff|driver|engineer|technician|fitter|fitters|plumber|"
        "builder|builders|workmen|courier|cleaner|cleaners|electrician|decorator|installer) "
        "(broke|damaged|split|scratched|dented|cracked|smashed|ruined|stained|chipped)",
        "tampered", "(bag|seal|box|package|parcel|lid) (was|had been|has been) (opened|broken)",
        "fake", "counterfeit", "knock-off", "not (genuine|authentic|the real thing)",
        "(stone|ice) cold",
        "(food|meal|order|pizza|coffee|dinner|lunch|breakfast|burger|curry) (was|is|arrived|came) "
        "(cold|soggy|raw|undercooked|spoiled|spoilt|mouldy|moldy|off|stale|inedible)"}},
      // "Buggy" the adjective, not a golf or baby buggy; a connection that drops, not a parcel
      // "dropped off".
      {"product.bug",
       {"crash~",
        "bug",
        "bugs",
        "(it|it's|is|so|very|really|too|super|still|are|seems|quite|getting|got|been|extremely|"
        "incredibly|horribly) buggy",
        "buggy (app|update|software|release|version|mess|site|website|system|firmware|game|build)",
        "glitch~",
        "broken",
        "(doesn't|does not|isn't|is not|won't|will not|stopped|stops|keeps not) "
        "work|working|load|loading|open|opening|sync|syncing",
        "not working",
        "[all] my (notes|files|data|photos|pictures|work|documents|messages|contacts|progress|"
        "settings|history|emails|saves) (are|is|were|was|have been|has been|got) "
        "(gone|wiped|deleted|erased|lost|corrupted)",
        "error",
        "errors",
        "error message",
        "freeze~|froze|frozen",
        "froze",
        "frozen",
        "won't let me",
        "keeps (crashing|failing|logging me out|freezing|closing|saying|showing|disconnecting)",
        "stopped working",
        "fails to",
        "failed to (load|save|upload|sync|send|open)",
        "blank screen",
        "white screen",
        "black screen",
        "not loading",
        "can't|cannot upload|save|download|open|load|sync|send|connect",
        "unable to (upload|save|download|open|load|sync|send|connect)",
        "lost my (work|data|files|progress|photos)",
        "wiped",
        "deleted (all|my|our)",
        "(drops|dropping|dropped|keeps dropping) (out|the connection|connection|every|calls|my "
        "call|the call|constantly|again)",
        "(call|calls|connection|signal|wifi|wi-fi|line|internet|broadband|stream|video) (drops|"
        "dropped|dropping|keeps dropping)",
        "keeps dropping",
        "(has been|is|been|went|was) down (since|for|all|again)",
        "(says|showing|shows) invalid",
        "(code|coupon|voucher|discount) (doesn't|does not|isn't|is not|won't) work",
        "lost (everything|all my work|all my data|my changes|all my progress)",
        "outage",
        "outages",
        "down again",
        "(logged|logging|logs|kicked|kicking|kicks) me out",
        "never worked",
        "(hasn't|has not|haven't|have not|didn't|did not) "
        "(worked|synced|loaded|credited|updated|saved) [properly]",
        "(hasn't|has not|haven't|have not|didn't|did not|doesn't|does not|isn't|is not|wasn't|was "
        "not) (credited|showing|show up|showed up|shown)",
        "malfunction~",
        "(hasn't|has not|haven't|have not|didn't|did not|doesn't|does not|won't|will not|isn't|is "
        "not) (unlocked|unlock|activated|activate|appeared)",
        "(making|makes|made) a "
        "(banging|grinding|clicking|rattling|buzzing|loud|strange|weird|funny|"
        "horrible) (noise|sound)",
        "(throws|throwing|gives|giving|getting|shows|showing) (a|an) (error|exception)",
        "defective",
        "faulty",
        "out of order",
        "(sync|syncing|upload|payment|login|log-in|update|backup|download|export|import|install|"
        "installation|save|saving|checkout) (failed|fails|failing|keeps failing|broke|is "
        "broken|not working)"}},
      {"billing.refund-late",
       {"(where is|where's) my refund", "still (no|waiting for|waiting on) [my|the] refund",
        "(haven't|have not|still haven't|never) (received|got|seen) [my|the|a|any] refund",
        "refund (hasn't|has not|still hasn't|never) (arrived|come through|come|shown "
        "up|appeared|landed)",
        "(still|there's still|there is still) nothing in my (account|bank)",
        "refund (was|is) (approved|promised|issued|confirmed) [on|weeks|days] [ago]"}},
      {"service.failure",
       {"overbooked", "over-booked", "double booked", "double-booked", "stranded",
        "(was|were|got) cancel~ [at the] (last minute|last-minute)",
        "cancel~ <number> (minutes|mins|hours) before",
        "(cancel~|called off|moved) [by text|by email|by phone|over text|over the phone] (<number>|"
        "ten|five|fifteen|twenty|thirty|forty|two|three|an|half an) (minutes|mins|hours|hour) "
        "before",
        "(didn't|did not|never) (show up|turn up|showed up|turned up)", "no-show", "no show",
        "left (the|my|our) (door|gate|house|flat|home) (unlocked|open)",
        "(was|were|been) (so|really|very|incredibly) rude", "(was|were) rude", "paying for nothing",
        "(didn't|did not) get what (I|we) paid for", "not what (I|we) paid for",
        "(passed|pushed|bounced) (around|between)",
        "(not ready|wasn't ready|isn't ready) (yet|again)",
        // Refused service, utilities and calls lost, pushy or rude staff, unwanted contact,
        // sessions and bookings cancelled on the customer, work left unsafe or unfinished.
        "(was|were|got|been|being|am|is) (refused|denied|turned away)",
        "(got|get|getting|gets|was|were|been|keep getting|kept getting|keeps getting) cut off",
        "(power|water|gas|electricity|internet|line|call|calls|phone|supply|heating) (was|were|has "
        "been|have been|got|gets|keeps getting) cut off",
        "no (hot "
        "water|heating|heat|power|electricity|water|gas|internet|broadband|signal|wifi|wi-fi|"
        "phone line|dial tone)",
        "(was|were|been) [so|very|really|incredibly|extremely] "
        "(pushy|aggressive|unprofessional|condescending|dismissive|patronising|patronizing)",
        "(was|were|been) (so|very|really|incredibly|extremely) rude",
        "stop (phoning|calling|ringing|emailing|texting|messaging|contacting|sending) (me|us)",
        "(keep|keeps|kept) (phoning|calling|ringing|emailing|texting|messaging) (me|us)",
        "cancel~ <number> (of|out of)",
        "(instructor|teacher|tutor|trainer|coach|host|organiser|organizer|venue|airline|hotel) "
        "(cancel~|has cancelled|has canceled|had cancelled)",
        "(flight|train|class|session|sessions|lesson|lessons|appointment|booking|reservation|tour|"
        "event|course|ferry) (was|got|has been|had been|were|have been) (cancel~|scrapped)",
        "(says|said|saying) (they're|they are|we're|we are) (full|fully booked|overbooked)",
        "(says|said|saying) (it's|it is) (fully booked|overbooked)",
        "left (wires|cables|rubbish|a mess|the mess|mess|debris|holes|a hole|water|nails|"
        "tools)"}},
      // Anger at what other users or sellers do (price gouging, scalping): upsetting, but not a
      // harm the brand did, so it is owed acknowledgement rather than an apology.
      {"others-conduct",
       {"price (gouging|gouge|gouged|gauging|gauge|gauged)", "price-gouging", "price-gouged",
        "profiteering", "profiteers", "scalpers", "scalping",
        // The sellers named for what they do, in a hashtag too: "shut down the price gougers",
        // "#pricegouging". A name for others' pricing, not a harm the brand did.
        "price (gougers|gouger|gaugers|gauger)", "price-gougers", "gougers",
        "#pricegougers|#pricegouger|#pricegouging|#gouging|#gougers|#scalpers|#profiteers",
        // Blamed on us for not stopping them: the negation is the complaint, not a denial ("you
        // are not stopping the price gougers").
        "(not|isn't|aren't|won't|never) (stopping|stop|banning|ban|removing|remove|blocking|block|"
        "policing|tackling) [the|these|those|all the] (price gougers|gougers|scalpers|profiteers|"
        "price gouging|scalping|profiteering)",
        "(people|sellers|ppl|users|someone|others|resellers) (selling|reselling|scalping|charging|"
        "listing) (tp|toilet paper|masks|sanitizer|hand sanitizer|tickets|consoles|it|them) "
        "(for|at)",
        // Asking us to stop others selling: "ban people from selling toilet rolls", "allowing
        // sellers to sell masks".
        "(people|sellers|users|others) (from|to) (sell|selling|resell|reselling) (tp|toilet paper|"
        "toilet rolls|toilet roll|masks|sanitizer|hand sanitizer|tickets|consoles)",
        // Others asking silly money, whatever the goods: "sellers charging crazy prices".
        "(people|sellers|ppl|users|others|resellers|traders) (charging|asking|selling at|selling "
        "for) (crazy|ridiculous|insane|extortionate|silly|outrageous|stupid|absurd|obscene) "
        "(prices|amounts|money|sums)",
        "(people|sellers|ppl|users|others|resellers|traders) on (your site|your app|your platform|"
        "here) (charging|asking|selling at|selling for) (crazy|ridiculous|insane|extortionate|"
        "silly|outrageous|stupid|absurd|obscene) (prices|amounts|money|sums)",
        // What sellers as a group do on the platform: "sellers on your site are asking £60".
        "(sellers|resellers|scalpers|traders) (are|were|keep) (charging|asking|selling|listing|"
        "gouging|hiking|jacking|profiteering|reselling)",
        "(sellers|resellers|scalpers|traders|people|users) on (your|the) (site|app|platform|"
        "marketplace|website) (are|were|keep) (charging|asking|selling|listing|gouging|hiking|"
        "jacking|profiteering|reselling)"}},
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
