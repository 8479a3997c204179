// The domain-free reading of a problem report: failure and damage verbs after a subject, work
// that didn't happen, nobody coming or answering, things taken back from the customer, the
// company's people or product doing something bad, accountability questions and what the
// problem cost the customer. No nouns of any trade: the words are those any complaint uses,
// so a new business (a museum, a dental lab) is read without new entries.
#include "customer/intent_lexicon.h"

namespace tactful::customer {

const std::vector<IntentPhrases>& problem_lexicon() {
  static const std::vector<IntentPhrases> lexicon = {
      {"problem.reported",
       {// Something stopped, broke or failed.
        "(stopped|stops|keeps|kept) (working|charging|connecting|responding|opening|syncing|"
        "printing|crashing|freezing|failing|dropping|cutting out)",
        "(just|has|have|suddenly|then) (stopped|died|crashed|froze|failed|cut out)",
        "(crashed|crashes|froze|freezes) (every|each|all|again|constantly|repeatedly)",
        "(caught|catches|catching) fire", "burst into flames", "(started|starts) smoking",
        // Broken again after a repair; once alone it is as often wear ("the coupling has
        // snapped, do you stock spares?").
        "(snapped|broke|broken|cracked|split|collapsed|burst|leaked|come loose|fallen off|fell "
        "off|come apart|fallen apart|fell apart) again",
        // Past and perfect only: "didn't open", "hasn't turned up" say an expectation failed;
        // "won't connect" is mostly a how-to question, which the playbooks of product.bug read.
        // Not "didn't work": on its own it is mostly the customer's own troubleshooting ("I
        // tried reinstalling but it didn't work").
        "(hasn't|has not|haven't|have not|didn't|did not|never) (open|opened|unlock|unlocked|go "
        "through|gone through|turn up|turned up|show up|shown up|come|came|call|called|arrive|"
        "arrived|reply|replied|get back|got back)",
        "(is|are|was|were|got|came|came back|come back|arrived|has been|have been|had been|"
        "it's|they're) (broken|damaged|ruined|shrunk|stained|torn|scratched|jammed|faulty|"
        "defective|leaking|flooded|mouldy|moldy|filthy|missing|wrong)",
        "(came|come|comes|arrived) back [from you|to me] "
        "(shrunk|stained|damaged|torn|ruined|broken|"
        "worse|dirtier|dirty|wrong|covered|missing)",
        "(with|left) (stains|a stain|holes|a hole|a tear|scratches|a scratch|a crack|a dent|"
        "marks|a mark|a burn|a burn mark|burn marks|water damage|a cut|cuts|a bite|a rip|a chip|a "
        "leak|a bruise|bruises|a gouge|gouges|scuffs|a scuff|scuff marks|a chunk missing)",
        // Damage with a word on how bad it is ("came back with a deep gouge across the glass").
        "(with|left) (a|an) (deep|big|huge|large|long|nasty|visible|small|great|massive|obvious|"
        "new) (gouge|scratch|crack|dent|chip|stain|tear|hole|mark|burn|rip|scuff|split)",
        "(with|left) (a|an) (bleach|scorch|water|paint|oil|rust|grease|ink|glue|burn) (mark|stain|"
        "spot|patch|ring)",
        "(seems|seem|looks|look|appears|appear) [to be] (broken|damaged|jammed|stuck|faulty|wrong|"
        "missing|ruined|bent|cracked)",
        // Work done to the wrong measure ("taken up 3cm too far", "a size too small").
        "(cm|mm|inch|inches|size|sizes|bit|way|much|far|<number>) too (short|long|small|big|tight|"
        "loose|far|high|low|wide|narrow|deep|shallow)",
        // What came was not what was ordered ("What arrived is a plastic toy").
        "what (arrived|came|turned up|was delivered|you sent|you delivered|I received|I got|we "
        "got|we received) (is|was|were|are) (a|an|the|some|two|just)",
        // A journey made to find nothing there, or to be told so at the door.
        "(to|found) a (locked|closed|shut|empty|dark) (door|gate|shop|building|office|site|venue|"
        "studio|clinic|room|unit|yard|garage)",
        "(and|only to be|just to be|only to|just to) (was|were|be|get|got) (told|turned away|sent "
        "away|sent home)",
        // How the customer was treated by the company's people.
        "(how|the way) (I|we|my|our) (was|were|son|daughter|mum|mom|dad|wife|husband|partner|"
        "child|kids) (spoken to|treated|talked to|spoken|talked)",
        "(how|the way) (I|we) (was|were) (spoken to|treated|talked to)",
        "(spoke|talked|speaks|talks|spoken|talked) to (me|us|him|her|my) like",
        "(laughed|sneered|smirked|scoffed|shouted|swore) (at me|at us|in my face|and said|at my)",
        "rolled (his|her|their) eyes",
        // Something fixed or fitted by the company that now fails ("you replaced the port and
        // now it won't charge at all").
        "(and|but) now (it|they|it's) (won't|doesn't|don't|isn't|aren't|can't|will not|does "
        "not|no longer) (work|works|charge|charges|start|starts|open|opens|close|closes|lock|"
        "locks|turn on|switch on|turn off|switch off|stop|stops|fit|fits|run|runs|drain|drains|"
        "hold|holds|flush|flushes|heat|heats|boot|boots)",
        // Things taken back from or refused to the customer.
        "(was|were|got|has been|have been|had been|is being) (rejected|declined|withdrawn|"
        "revoked|deleted|wiped|cancelled without|canceled without|ignored|overlooked|misplaced|"
        "lost|mixed up|given away|sold to someone|double-booked|overcharged)",
        // The company's people or product did something bad ("your installer drilled through").
        "(your|the|their) (staff|crew|installer|installers|engineer|technician|driver|agent|bot|"
        "chatbot|app|website|site|system|machine|employee|employees|receptionist|team|courier|"
        "rep|representative|guy|man|woman|lady|worker|workers|cleaner|contractor|fitter|locker|"
        "kiosk|terminal|scanner) (drilled|broke|damaged|lost|ruined|ignored|refused|told|hung up|"
        "sent me|kept me|shouted|yelled|swore|laughed|charged|flooded|scratched|dropped|smashed|"
        "crashed|deleted|wiped|forgot|left)",
        "(you've|you have|you|you guys|they've) (lost|broke|broken|damaged|ruined|shrunk|stained|"
        "forgot|forgotten|ignored|deleted|wiped|misplaced|mixed up|messed up|overcharged|"
        "double-booked)",
        "(sent|going|go|gone|run|running) (me|us) (around|round) in circles", "in circles",
        // Nobody came, called or answered; still nothing.
        "(nobody|no one|no-one|noone) (has|have|had) (come|came|called|replied|answered|turned "
        "up|shown up|showed up|got back|gotten back|contacted|rung|responded|fixed|been)",
        "(nobody|no one|no-one|noone) (came|called|replied|answered|turned up|showed up|rang|"
        "responded|got back|bothered|showed)",
        "(heard|had|got|received) nothing [back]",
        // "Still no lyrics" asks for a feature; still no answer, visit or refund is a failure.
        "still (not|hasn't|haven't|isn't|aren't|doesn't|don't|can't|cannot|won't|nothing)",
        "still no (reply|response|answer|word|update|news|sign|call|callback|contact|one|refund|"
        "confirmation|access|fix|delivery|quote|tickets|ticket|booking|appointment|engineer|"
        "technician|money|payment|email|letter|visit|date|explanation)",
        "(it's|it has) been (over|more than) (a|an|<number>) (day|days|week|weeks|month|months|"
        "fortnight|hours)",
        "(it's|it has) been <number> [working|business] (hours|days|weeks|months)",
        "(it's|it has|it is) now been (over|more than|nearly|almost) (a|an|<number>) (day|days|"
        "week|weeks|month|months|fortnight)",
        "(it's|it has|it is) now been <number> [working|business] (days|weeks|months)",
        "(and|but) no (quote|reply|response|answer|call|callback|update|word|refund|sign|one)",
        // Not what was promised, shown or quoted.
        "not what (the|your|you) (photos|pictures|photo|picture|description|listing|website|site|"
        "advert|ad|brochure|promised|showed|said|described|advertised|quoted)",
        "nothing like (the|what|your)", "(you|you've|they) quoted [me|us] [£|$|€] <number> and now",
        "(quoted|promised|told) [me|us] [£|$|€] <number> (and|but) (now|then)", "more than double",
        // Accountability questions.
        "(who is|who's) (paying|going to pay|responsible|covering) [for]",
        "who (pays|will pay) for (this|that|it)", "what are you (going to|gonna) do about",
        "how is (this|that) (acceptable|ok|okay|fair|allowed|possible)",
        "tell me this is a mistake",
        // What it cost the customer ("I had to buy another" is as often their own loss).
        "(now|so now) (I|we) (have|need|have got) to",
        // What the problem cost, not what a thing cost ("they cost me £1,800" is a price).
        "(this|that|which|it's|it has|has|have|already|now|this has|that has|that's|all this) "
        "cost (me|us) [£|$|€] <number>",
        "cost (me|us) (a|an|the|my|our) (day|fortune|job|client|booking|shift|morning|evening)",
        "(wasted|wasting) (my|our|a whole|an entire|a full|the whole|the entire)"}},
  };
  return lexicon;
}

}  // namespace tactful::customer
