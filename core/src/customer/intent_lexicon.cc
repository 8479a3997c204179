// What went wrong, as the customer tells it: billing, delivery, product and service failures,
// and the conduct of others. What they ask for or threaten is in intent_requests.cc.
#include "customer/intent_lexicon.h"

namespace tactful::customer {

const std::vector<IntentPhrases>& harm_intent_phrases() {
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
  };
  return lexicon;
}

const std::vector<IntentPhrases>& intent_lexicon() {
  // Built once: harms first, then requests and threats, the order intent ids are reported in.
  static const std::vector<IntentPhrases> lexicon = [] {
    std::vector<IntentPhrases> all = harm_intent_phrases();
    const auto& requests = request_intent_phrases();
    all.insert(all.end(), requests.begin(), requests.end());
    return all;
  }();
  return lexicon;
}

}  // namespace tactful::customer
