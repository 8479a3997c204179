// The cue families frustration and repeat contact read ("cue.*"): not intents, so kept apart
// from the intent lexicon. Phrases use the rule-pack phrase syntax (docs/rules.md).
#include "customer/intent_lexicon.h"

namespace tactful::customer {

const std::vector<IntentPhrases>& cue_lexicon() {
  static const std::vector<IntentPhrases> lexicon = {
      // Cues read by frustration and repeat contact (not intents).
      // Strong signs of contacting us about the same thing before: the contact itself is
      // counted ("third email", "I've called twice", "fourth time I'm writing"). A count of
      // anything else (uses, tries, times a fault shows) is no contact: cue.recurring below.
      {"cue.repeat",
       {"second|third|fourth|fifth|2nd|3rd|4th|5th|nth "
        "agent|person|department|email|message|call|ticket|request|chat|letter|tweet|dm",
        "(second|third|fourth|fifth|2nd|3rd|4th|5th|nth) time (I've|I have|we've|we have) [had to] "
        "(contacted|called|emailed|messaged|written|tweeted|chased|rung|phoned|reported|explained|"
        "raised|complained|asked|reached out|been in touch|contact|call|ask|write|email|message|"
        "chase)",
        "(second|third|fourth|fifth|2nd|3rd|4th|5th|nth) time (I'm|I am|we're|we are) "
        "(writing|calling|contacting|emailing|messaging|asking|tweeting|chasing|reporting|"
        "explaining|raising|complaining|reaching out|getting in touch)",
        "(second|third|fourth|fifth|2nd|3rd|4th|5th|nth) time (I|we) (contacted|called|wrote|asked|"
        "messaged|tweeted|reported|rang|phoned|emailed|explained|chased|raised|complained|had to|"
        "reached out)",
        "(second|third|fourth|fifth|2nd|3rd|4th|5th|nth) time (asking|writing|calling|contacting|"
        "emailing|messaging|tweeting|chasing|reporting|explaining|complaining|reaching out|"
        "getting in touch|of asking)",
        "(writing|calling|contacting|emailing|messaging|tweeting|chasing|asking|reporting|"
        "explaining|raising|asked|called|wrote|emailed|messaged|tweeted|reported|explained) "
        "[you|this|it|about this|about it] for the (second|third|fourth|fifth|2nd|3rd|4th|5th|nth) "
        "time",
        "(second|third|fourth|fifth|2nd|3rd|4th|5th) attempt (to|at) (contact|contacting|reach|"
        "reaching|get through|getting through|get hold|getting hold|get an answer|getting an "
        "answer)",
        "(I've|I have) sent [you] (two|three|four|five|several|multiple|many|<number>) "
        "(emails|messages|requests|tickets|letters)",
        "already (contacted|called|emailed|messaged|written|wrote|told "
        "you|explained|asked|reported|chatted)",
        "(I've|I have) (contacted|called|emailed|messaged|written to|reported|chatted|been in) "
        "[you|this|it|here|about this]",
        "(called|emailed|contacted|messaged|written|wrote|chatted|reported|asked|told "
        "you|explained|been in) [you|in|here|this|it|about this] (twice|three times|four "
        "times|before|several times|multiple times|many times|repeatedly|already|every day|every "
        "week)",
        "(called|emailed|contacted|messaged|written|wrote|chatted|reported|asked) <number> times",
        // A phone line is contacted as an inbox is: its calls counted (by whom: a doorbell or an
        // alarm "rang 4 times" too), its voicemails left.
        "(I|we) (rang|phoned) [you|the shop|the office] <number> times",
        "(I've|I have|we've|we have) (rung|phoned) [you|the shop|the office] <number> times",
        "(I've|I have) left [you] (two|three|four|five|several|multiple|many|<number>) "
        "(voicemails|messages|voice messages)",
        "how many [more] times (do|must|should|will|have|shall) (I|we) [have] [to|got to] "
        "(ask|tell|call|contact|write|explain|email|message|chase|say|repeat|complain|report|"
        "tweet|ring)",
        "how many (emails|calls|messages|tweets|letters|phone calls|chats) (do|must|will|should|"
        "does it take)",
        // A fault told as not yet fixed: raised with us before.
        "not (fixed|resolved) [yet]", "(still|still not) (fixed|resolved|sorted)",
        "(got|heard|received) nothing back"}},
      // The customer tells of a fault that recurs ("every time I open it", "keeps happening",
      // "third order in a row"): no contact counted, yet a grievance, and an apology owed for the
      // recurrence (intent problem.recurring), not for having to write again.
      {"cue.recurring",
       {"how many times", "keeps (happening|coming back|recurring)",
        "same (problem|issue|thing) (again|as before)",
        // Something that happens to them each time they try: a recurring fault.
        "(every|each) time (I|we|it|my|our)",
        // "Fourth delivery in a row", "that's the second dud one".
        "(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th) (time|order|class|lesson|week|"
        "month|delivery|day|box|visit|session|one|case|batch|shipment|appointment|weekend|year|"
        "issue|game|match|bottle|item|parcel|package|meal|cut|service|job) [running] in a row",
        "<number> (times|weeks|months|orders|days|classes|lessons|deliveries|visits|sessions|"
        "boxes|years|bookings|appointments) in a row",
        "(that's|this is|it's|thats|that is|it is) [now] the (second|third|fourth|fifth|2nd|3rd|"
        "4th|5th) (one|bad one|faulty one|broken one|dud)"}},
      // Counts that tell a recurrence only beside a harm: "the fourth time it failed" is one;
      // "the fourth time the card was used today", "they call over and over" and "do we pay
      // every time?" tell how often something happens, nothing of ours.
      {"cue.recurring-weak",
       {"(second|third|fourth|fifth|2nd|3rd|4th|5th|nth) time", "multiple times", "over and over",
        "(every|each) (single) (day|time|week)", "every time", "each time"}},
      // Weak signs: they count as repeat contact only alongside a harm.
      // The customer says the mistake was theirs: frustration with us is not what they show.
      {"cue.self-error",
       {"oops", "my mistake", "my bad", "my fault", "my own fault", "my own mistake", "by mistake",
        "by accident", "accidentally",
        "(I|I've|I have) "
        "(put|typed|gave|given|entered|clicked|selected|picked|chose|chosen|sent|bought|ordered|"
        "upgraded|booked|topped up) (the|a) wrong",
        "I (think|guess) I "
        "(put|typed|gave|entered|clicked|selected|picked|upgraded|booked|ordered)",
        "sorry , I (gave|put|typed|sent|entered)",
        "I (forgot|have forgotten|'ve forgotten|lost) my "
        "(password|login|details|email|info|username|pin)",
        "(I|I've) made a (mistake|typo|error)",
        // The wrong choice told by the right one: "I picked blue but meant green", "we got the
        // dates wrong", "I got mixed up"; and a way lost on the customer's own trip.
        "but [I|we] meant", "(I|we) meant to (book|order|choose|pick|select|type|put|enter|get)",
        "(I|I've|I have|we|we've|we have) got (it|that|the date|the dates|the day|the days|"
        "the time|the times|the size|the sizes|the address|the room) wrong",
        "(I|I've|I have|we|we've|we have) got (mixed|muddled) up", "(I|we) got lost",
        // What the customer forgot, whatever it was: "I forgot which app I used".
        "(I|I've|I have) (forgot|forgotten) (which|where|what|how|to|the|that|about)",
        // "... and then forgot the passcode": the subject said earlier in the sentence.
        "(forgot|forgotten) (my|the|our|her|his) (password|passcode|pin|login|username|"
        "security questions|security answers|answers|code|passphrase)",
        // What the customer (or someone of theirs) lost or broke of their own: "my dad lost his
        // phone", "reset my tablet and lost the authenticator app".
        "lost (my|our|her|his|the) [old|new|work|android] (phone|mobile|device|tablet|laptop|"
        "authenticator|authenticator app|sim|card|wallet|keys|backup codes)",
        "(I|we) (dropped|broke|cracked|smashed|deleted|wiped|reset|erased) (my|our) [own] "
        "(phone|mobile|device|tablet|laptop|screen|account|data|backup|app)",
        // The customer's own loss of a thing of theirs, an adjective allowed: "I lost my old
        // phone". (Their own damage to it is read by its shape: customer/cues.cc.) "I got my
        // phone wet" reads the same: the customer says they did it; "my phone got wet" names
        // no doer. (Each phrase expands to at most 4,096 token sequences: docs/rules.md.)
        "(I|we) (lost|misplaced) (my|our) [old|new|work|own] (phone|mobile|device|tablet|laptop|"
        "computer|ipad|iphone|watch|camera|headphones|earbuds|glasses|charger|card|wallet|keys|"
        "ticket|tickets|receipt)",
        "(I|we) got (my|our) [old|new|work|own] (phone|mobile|device|tablet|laptop|computer|ipad|"
        "iphone|watch|camera|headphones|earbuds|keyboard|console) wet",
        "(I|we) (spilled|spilt) (water|coffee|tea|wine|juice|milk|something|a drink|my drink) "
        "(on|over|into) (my|our) (phone|laptop|keyboard|tablet|computer|ipad|iphone|mac|macbook|"
        "pc|console|controller|screen|tv)",
        // Their own wrong entry, with or without an article: "I put in wrong phone number".
        "(I|I've|I have|I must have|I must've|I accidentally) (put|typed|entered|used|gave|input|"
        "keyed|filled|clicked|selected|picked) [in] [the|a|my] wrong",
        "(I|I've|I must have) (put|typed|entered|used|gave) [in] (an|the|my) (incorrect|old|"
        "outdated) (number|address|email|details|card|postcode|phone|name)"}},
      // The customer says the trouble is not ours ("I don't believe it's the app, it's just my
      // old computer"): a harm told anywhere in that message is theirs (customer/problem_scope.cc).
      {"cue.not-us",
       {"(don't|dont|do not) (think|believe|reckon) (it's|it is|its|this is|"
        "that's|it) [the|your] (app|application|software|program|programme|site|website|service|"
        "product|printer|system|game|platform|update|device)",
        "(I doubt|not sure) (it's|it is|its) [the|your] (app|application|software|program|site|"
        "website|service|product|system|game|platform)",
        "(it's|it is|its|probably|must be) (just|probably|only|likely) my [slow|old|own|cheap|"
        "rural|home|ancient] (computer|laptop|pc|phone|mac|device|tablet|internet|wifi|connection|"
        "router|machine|browser)",
        "(problem|issue|fault) (is|is probably|is likely|must be) (on|at) my (end|side)",
        "(it's|it is|its|probably) (on|at) my (end|side)"}},
      // The customer apologises for asking a favour ("So sorry, but could we move our booking?",
      // "sorry to be a pain") or says there is no rush: VADER reads the "sorry" as negative, but
      // it is courtesy, not frustration with us.
      {"cue.courtesy",
       {"(so|really|very|terribly|awfully|super) sorry (but|to|for|,)",
        "sorry to (bother|trouble|ask|chase|be a pain|message|email|mess you about|be a nuisance|"
        "be difficult|change|do this)",
        "(sorry|apologies) for (the|such) (short|late|last-minute|last minute) notice",
        "(sorry|apologies) for (the) (hassle|bother|trouble|late notice|short notice|faff)",
        "(totally|completely|fully) (understand|get it|get that|understandable) (if|it if)",
        "no worries if (not|you can't|it's not)",
        // Or says there is no hurry: a wait it mentions is not held against us.
        "no (rush|hurry|great rush|big rush)", "in your own time",
        "whenever you (can|get a chance|get a moment|have a moment|have time)"}},
      // A request to us made at a point in time, and silence after it: together, in one
      // sentence, they state when a wait began (customer/wait_since.cc). The time is the last
      // word of a `cue.request-time` phrase.
      {"cue.request-time",
       {"(emailed|e-mailed|wrote|rang|called|phoned|messaged|asked|chased|contacted you) [you|us|"
        "in|again|twice] [on|last] (monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
        "(emailed|e-mailed|wrote|rang|called|phoned|messaged|asked|chased|contacted you) [you|us|"
        "in|again|twice] (yesterday|last night|this morning|last week)",
        "(emailed|e-mailed|wrote|rang|called|phoned|messaged) three times (on|last) "
        "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week)",
        "(sent|submitted) (my|the|a|an|you my) (form|request|email|letter|claim|application|"
        "query|details|photos|documents) [on|last] (monday|tuesday|wednesday|thursday|friday|"
        "saturday|sunday|week|yesterday)",
        "(membership|application|claim|booking|repair|complaint|refund|cancellation|renewal|"
        "return) (form|request|claim|application|letter) [on|last] (monday|tuesday|wednesday|"
        "thursday|friday|saturday|sunday|week|yesterday)"}},
      {"cue.silence",
       {"(haven't|have not|not|never|still haven't|still not) heard [back|anything|a thing]",
        "heard nothing", "(got|had|received|get) nothing [back]",
        "(nobody|no one|no-one|noone) (has|have) (replied|answered|responded|called|rung|got "
        "back|come back|been in touch)",
        "(nobody|no one|no-one|noone) (replied|answered|responded|called|rang|got back|picked up)",
        // "nobody's rung back": the contraction is one token, so the phrase above never reads it.
        "(nobody's|no one's) (replied|answered|responded|called|rung|got back|come back|been in "
        "touch)",
        "no (reply|replies|answer|response|word|callback|call back)",
        "still (no|nothing|waiting)"}},
      {"cue.repeat-weak",
       {"yet again", "once again", "still", "again (today|this week|this month|and again)",
        "(it's|it "
        "is|is|are|happened|happening|broke|broken|down|failed|failing|crashed|crashing|stopped|"
        "froze|frozen|missing|late|wrong|charged|billed|locked) again",
        "not working again", "again !", "again ."}},
      // Not cues at all: a cue starting inside one of these is dropped ("are you still there?"
      // is a nudge, not a problem that is still happening).
      // The customer says the problem is solved: a problem reported in the same message is no
      // longer owed an apology.
      {"cue.resolved",
       {"(sorted|fixed|resolved|solved|working) now",
        "(it's|it is|that's|all) (sorted|fixed|"
        "resolved|solved|good now)",
        "(that|this) (worked|did the trick)", "problem solved", "never mind", "nevermind"}},
      {"cue.not",
       {// Freezing a membership is a pause asked for, not a program that hangs ("could you freeze
        // my
        // climbing pass for a month?"): "freeze" asked of us with what to freeze after it.
        "(freeze|pause) (my|our|his|her|their)",
        // A broken bone is the customer's injury, not a broken product ("I've broken my wrist").
        "(broken|broke|fractured|sprained|cracked) (my|his|her|our|their) (wrist|arm|leg|ankle|"
        "foot|hand|finger|toe|collarbone|hip|nose|rib|ribs|elbow|knee|shoulder)",
        // Bleeding a radiator or brakes is a job, not an injury ("the radiator you bled").
        "(radiator|radiators|brakes|brake|system|pipes|heating) (you|we|they|he|she|I) [just] bled",
        "bled (the|my|our|your) (radiator|radiators|brakes|brake|system|heating|pipes|lines)",
        // A fault that has ended is praise of the fix ("the tap has stopped dripping at last").
        "(has|have|had|it's|it has|finally|now) stopped (dripping|leaking|squeaking|rattling|"
        "smoking|sticking|slipping|wobbling|creaking|buzzing|humming|banging|flickering)",
        "(freeze|pause) the (pass|membership|account|subscription|direct debit|contract|payments|"
        "plan|card|season ticket)",
        // A hospital or surgery as a place or a workplace ("the hospital appointment", "our
        // surgery car park"), not an illness undergone.
        "(hospital|surgery) (appointment|appointments|car park|parking|reception|canteen|shop|"
        "staff|porter|porters|pharmacy|building|premises|site|waiting room|opening hours)",
        "our (surgery|hospital)",
        "(to|at|for|in) the (hospital|surgery) (appointment|appointments|car park|parking|"
        "reception|canteen|shop|staff|pharmacy|building|premises|site|waiting room)",
        // The customer's own tries counted ("I've reset it multiple times"): no recurrence.
        "(I|I've|I have|we|we've|we have) (tried|changed|reset|restarted|rebooted|"
        "reinstalled|updated|entered|typed|retyped|checked|cleared|deleted|uninstalled|refreshed|"
        "logged in|logged out|signed in|signed out|done) [it|this|that|them|my password|the "
        "password|everything] (multiple|several|many|numerous) times",
        "still (there|here|with me|around|available|online|open|valid|need|want|interested)",
        "try again", "trying again", "tried again", "once again , thank~|thanks",
        // "I forgot to mention ...": a way of adding something, not a lapse that caused it.
        "(I|I've|I have|we|we've) [also|just] (forgot|forgotten) to (mention|say|add|tell you|ask|"
        "attach|include)",
        // Reporting a bug as a favour, and asking whether a message is genuine, are not harms.
        "found (a|an|another) (bug|glitch|error)",
        "(small|minor|tiny|little|funny|cosmetic) "
        "(bug|glitch|error)",
        "bug report", "report (a|this|the) (bug|glitch)",
        "(fake|phishing|scam) (email|text|message|call|sms|link|website|site|review|reviews)",
        "(trying|tried|tries|try|attempt|attempting) to (scam|phish) (me|us|people)", "phishing",
        "(phishing|email|text|sms|phone) (scam|scams)", "is (this|it|that) (a) fake",
        // Reporting others to us (sellers, listings, posts) is no contact about a case of ours.
        // Ends before what was reported, so "sellers charging crazy prices" still reads.
        "(I've|I have|we've|we have) reported [at least|over|more than|about|around|nearly|almost]"
        " (a dozen|a hundred|dozens of|hundreds of|thousands of)",
        "(I've|I have|we've|we have) reported <number> (sellers|listings|users|accounts|posts|"
        "people|ads|videos|reviews|scammers|bots|pages|profiles|items|products)",
        "(I've|I have|we've|we have) reported (sellers|listings|users|accounts|posts|people|ads|"
        "videos|reviews|scammers|bots|pages|profiles)"}},
      {"cue.exasperation",
       {"(does|do|did) (anyone|anybody|you) (actually|even|ever) (read|care|listen|check)",
        "is (anyone|anybody) (actually|even) (there|listening|reading)", "ridiculous",
        "unacceptable", "useless", "joke", "pathetic", "absurd", "disgrace~|disgraceful",
        "disgusting", "terrible", "horrible", "awful", "worst", "appalling", "outrageous",
        "incompetent", "fed up", "sick of", "tired of", "waste of (time|money)",
        "wasted (my|hours|days)", "fuming", "furious", "livid", "angry", "frustrated",
        "frustrating", "annoyed", "disappointed", "shocking", "unbelievable", "seriously",
        "are you kidding", "you're kidding", "what the hell", "wtf", "ffs", "damn", "dammit",
        "shit", "crap", "bullshit", "fuck~", "fucking", "bs", "smh", "hopeless", "nightmare",
        "had enough", "insane", "crazy", "madness", "(what's|whats|what is) the point",
        "daylight robbery", "extortionate", "last straw", "panic~", "panicking", "desperate",
        "stressed",
        // How the customer says they feel, in any trade.
        "exhausted", "gutted", "devastated", "heartbroken", "distraught", "upset", "upsetting",
        "let down", "humiliated", "mortified", "embarrassed", "infuriat~", "infuriating",
        "outraged", "irate", "exasperated", "beside myself", "in tears", "(can't|cannot) believe",
        "worried", "anxious", "scared", "urgent|urgently", "asap", "emergency",
        "beyond (frustrated|angry|annoyed)", "zero help", "no help", "not good enough",
        "absolutely (ridiculous|unacceptable|useless|terrible)", "rip off", "rip-off", "scam",
        "con", "not happy", "not impressed", "losing (my) patience",
        "(nobody|no one) (told|warned|asked|informed) (me|us)",
        "without (any) (warning|notice|telling me|asking me|my consent)",
        "(you're|you are) [seriously|really|honestly|actually] telling me", "at this rate"}},
  };
  return lexicon;
}

}  // namespace tactful::customer
