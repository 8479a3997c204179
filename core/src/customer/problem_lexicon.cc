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
        "kiosk|terminal|scanner|men|lads|movers|removers|instructor|guide|tutor|builders|"
        "painters|decorators|fitters|engineers|drivers) "
        "(drilled|broke|damaged|lost|ruined|ignored|refused|told|hung up|"
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
        "(wasted|wasting) (my|our|a whole|an entire|a full|the whole|the entire)",
        // What the problem forced on the customer, told as an outcome: "had to throw it out", "my
        // partner had to take a day off", "ended up paying twice", "money down the drain".
        "(I|we|he|she|they|husband|wife|partner|son|daughter|mum|mom|dad|friend|kids|family|"
        "guests|boss) had to (bin|throw|chuck|tip|pour|buy|pay|drive|take|cancel|return|rebook|"
        "borrow|hire|rent|miss|leave|walk|replace|redo|start|queue|stand|sleep|find|fix|turn|"
        "send|source|call out|get another|get a new|get it|get someone|go without|go elsewhere|"
        "go somewhere|use another|order another|order more|give up)",
        "(ended|end) up (paying|buying|having to|missing|cancelling|canceling|"
        "throwing|binning|sleeping|waiting|stranded|out of pocket|in hospital|at a&e|losing)",
        "down the drain", "out of pocket",
        // Left behind, or changed at the last minute: "the coach left without us", "moved with
        // one day's notice".
        "(left|went|drove off|set off|departed|sailed|took off) without (me|us|him|her|them|my|"
        "our)",
        "with (only|just) (one|a|two|a few|<number>) (day's|days'|hour's|hours') notice",
        "with (one|a|two|<number>) (day's|days'|hour's|hours') notice",
        "(with|at) (no|zero|barely any|hardly any) notice",
        // Not picking up: "the driver isn't answering", "nobody's answering the phone".
        "(isn't|is not|aren't|are not|wasn't|weren't|not|nobody's|no one's) (answering|picking "
        "up|responding|replying)",
        // Smelled of what should not be there ("the room smelled of damp").
        "(smelled|smelt|smells|stank|stinks|reeked|reeks) of (mould|mold|damp|smoke|urine|sewage|"
        "wee|pee|sick|vomit|gas|rot|mildew|cigarettes|drains)",
        "(was|were|is|are) (damp|soaking|soaked|infested|unusable|unsafe|grimy)",
        // Delivered damaged, the damage told as an adjective ("came with a torn arm").
        "(arrived|came|turned up|was delivered|were delivered|came back) with (a|an|the|two|"
        "<number>) (torn|broken|cracked|bent|chipped|dented|scratched|snapped|split|ripped|"
        "stained|smashed|shattered|damaged|missing|wonky|loose)",
        "(I'm|I am|we're|we are|I was|we were|that's|that leaves me|leaves me|left me) out [of "
        "pocket] [over|nearly|almost|about|around|more than|by] [£|$|€] <number>",
        // It failed on first use, or got worse after the company's work.
        "(snapped|broke|split|cracked|failed|died|stopped working|fell apart|came apart|tore|"
        "ripped|leaked|burst|bent|jammed|shattered|frayed|peeled|faded|shrank|fell off|came off) "
        "(the first time|first time)",
        "(snapped|broke|split|cracked|failed|died|stopped working|fell apart|came apart|tore|"
        "ripped|leaked|burst|bent|jammed|shattered|frayed|peeled|faded|shrank|fell off|came off) "
        "on (its|the|my|our|his|her|their) [very] first",
        "(snapped|broke|split|cracked|failed|died|stopped working|fell apart|came apart|tore|"
        "ripped|leaked|burst|bent|jammed|shattered|frayed|peeled|faded|shrank|fell off|came off) "
        "after (one|a single|two|three|<number>) (use|uses|wear|wears|wash|washes|go|goes|outing|"
        "outings|day|days|flight|flights|ride|rides|trip|trips|week|weeks)",
        "(chipping|peeling|flaking|fraying|cracking|leaking|rusting|fading|coming apart|falling "
        "apart|splitting|wobbling|coming off|coming loose) already",
        "(chipping|peeling|flaking|fraying|cracking|leaking|rusting|fading|coming apart|falling "
        "apart|splitting|wobbling|coming off|coming loose) after (a|one|two|three|<number>) (day|"
        "days|week|weeks|use|uses|wash|washes|wear|wears)",
        "(found|find|finding) (nobody|no one|no-one|noone) (there|here|at|on|in|around|about|to)",
        "(was|were|wasn't|weren't) (never|not) (there|like that|like this|a problem|an issue) "
        "before",
        "(plays|works|runs|sounds|looks|fits|feels|performs|drives|rides|cuts|prints|holds|sits|"
        "closes|opens|smells|tastes) worse (than|now|since|after|.|!|,)",
        "(it's|it is|they're|they are|is|are|now) worse than (before|it was|they were|when|ever)",
        // An instruction the customer gave and the company did not follow.
        "(I|we) (specifically|clearly|explicitly|expressly|definitely|particularly) (asked|told|"
        "said|requested|wrote|ordered|booked|paid|stated|specified|mentioned)",
        "(asked|told|instructed|reminded) (you|them|him|her|your team|your staff|the team) (in "
        "writing|twice|repeatedly|three times|more than once|specifically|clearly|explicitly)",
        // What it lost, and when it arrived in a bad state.
        "(lost|losing|lose|knocked) (half|most|all|much|some|a lot|a third|a quarter) [of] (its|"
        "their|the|my|our) (value|character|colour|color|shape|charm|quality|shine|finish|"
        "strength|flavour|flavor)",
        "(arrived|came|turned up|was delivered|were delivered|came back|showed up|got here) "
        "(warped|bent|melted|rotten|rock hard|hard as a rock|squashed|scuffed|faded|mouldy|moldy|"
        "stale|unsealed|half empty|half-empty|empty|incomplete|defrosted|thawed|dead|dying|wilted|"
        "off|sour|split|snapped|dented|frozen solid|cracked|scratched|chipped|stained|torn|"
        "crumpled|creased|rusty|rusted|bruised|curdled|flat|leaking|soaking)",
        "(was|were) (dead|missing|wrong|broken|damaged|empty|gone|off|rotten|crushed|cracked|"
        "late|cold|ruined) (when|by the time) (I|we|it|they|he|she)",
        "with (items|parts|pieces|bits|things|stuff|half the order|half of it|some items|an item|"
        "one item|two items|a piece|a part) missing",
        // Work not begun: "it's not been touched", "still not been looked at".
        "(hasn't|has not|haven't|have not|it's not|they've not|it has not|still not|has still "
        "not|hasn't even|haven't even|has not even) been (touched|started|looked at|opened|fixed|"
        "repaired|done|sent|posted|booked|processed|dispatched|actioned|picked up|collected)",
        // Late by an amount: "showed up 40 minutes late", "a day late".
        "(turned up|showed up|arrived|came|got here|got there|were|was|started|finished|opened) "
        "<number> (minutes|mins|min|hours|hrs|hour|days|weeks) late",
        "(turned up|showed up|arrived|came|got here|got there|were|was|started|opened) (an|a|half "
        "an|over an|nearly an|almost an|over a|nearly a|almost a|a full|two|three) (hour|day|week|"
        "hours|days|weeks) late",
        // Cancelled on the customer again, without the copula ("Lesson cancelled AGAIN").
        "(cancelled|canceled|postponed|called off|moved|rescheduled|pulled) (again|yet again|on us "
        "again|on me again|last minute|at the last minute|without warning|without notice|without "
        "telling)",
        // Hurt: "it bled", "needed stitches", "ended up in A&E".
        "(bled|was bleeding|were bleeding|started bleeding|needed stitches|need stitches|got hurt|"
        "was hurt|were hurt|was injured|were injured|got injured|got burnt|got burned|got bitten|"
        "got scratched|got scalded)",
        "(scratched|bit|cut|burned|burnt|scalded|stung|hurt|injured|bruised|gashed|grazed) (my|"
        "our|his|her) (arm|arms|hand|hands|leg|legs|face|finger|fingers|foot|feet|head|back|skin|"
        "son|daughter|child|kid|dog|cat|horse|eye|neck|knee|wrist|shoulder)",
        // An injury told as a thing had, and what gave it ("got a big bruise when the quad
        // tipped"); without the cause it may be the customer's own (a sprain from their holiday).
        "(got|ended up with|came away with|left with) (a|an) [big|nasty|bad|huge|deep|horrible|"
        "painful|awful] (bruise|cut|burn|gash|graze|bump) (when|from|during|off)",
        // A machine that kept the money and did nothing ("the dryer took my £2 and didn't start").
        "(took|ate|swallowed|kept) my (money|coins|coin|cash|card) (and|but) (didn't|did not|"
        "wouldn't|would not|never) (start|work|run|go|switch on|turn on|dispense|give|pay "
        "out|vend)",
        "(took|ate|swallowed|kept) my £|$|€ <number> (and|but) (didn't|did not|wouldn't|would not|"
        "never) (start|work|run|go|switch on|turn on|dispense|give|pay out|vend)",
        // A failure dated young ("it's only three months old", "they're not even a year old").
        "(it's|it is|they're|they are|it was|they were) (only|just|barely|not even) (a|an|<number>|"
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|days|week|weeks|"
        "month|months|year|years) old",
        "(I've|we've|I have|we have) only had (it|them|this|these) [for] (a|an|<number>|one|two|"
        "three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
        "(day|days|week|weeks|month|months)",
        "(I've|we've|I have|we have) only had (it|them) back [for] (a|an|<number>|one|two|three|"
        "four|five|six|seven|eight|nine|ten|eleven|twelve) (day|days|week|weeks|month|months)",
        // "Nobody at the counter could help": nobody, then what nobody did or knew.
        "(nobody|no one|no-one) (on|at|behind) (the|your) (desk|door|reception|counter|phone|"
        "phones|site|shop|office|front|till|gate|stand|stall|venue) (knew|had|could|was|came|"
        "answered|seemed|turned up|showed up|helped|bothered)",
        "(nobody|no one|no-one|noone) (there|here) (knew|had|could|was|seemed|helped|bothered|"
        "cared)",
        // A wasted journey: "walked an hour only to", "travelled 60 miles for nothing".
        "(drove|travelled|traveled|walked|cycled|came|went|flew) [all the way|over|nearly|almost] "
        "<number> (mins|minutes|miles|hours|km) (to stand|to sit|to wait|to find|to be told|for "
        "nothing|only to|just to|and found|and nobody|and no one)",
        "(drove|travelled|traveled|walked|came|went) (an|half an|over an|a|two|three) (hour|hours|"
        "miles) (to stand|to sit|to wait|to find|to be told|for nothing|only to|just to|and "
        "found|and nobody|and no one)"}},
  };
  return lexicon;
}

}  // namespace tactful::customer
