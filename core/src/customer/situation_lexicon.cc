// What the customer tells about themselves rather than about our fault: something hard in their
// life, what the problem costs them or how frightening it is, how they feel, and worries. These
// change what the reply owes (an acknowledgement), not whether an apology is owed. Phrases use
// the rule-pack phrase syntax (docs/rules.md).
#include "customer/intent_lexicon.h"

namespace tactful::customer {

const std::vector<IntentPhrases>& situation_lexicon() {
  static const std::vector<IntentPhrases> lexicon = {
      // Not "pregnant": a pregnancy told beside a question ("is the class safe in pregnancy?")
      // is a circumstance, not a hardship; two writers of the corpus judged none owed.
      {"hardship",
       {"passed away", "died", "death", "funeral", "bereave~", "widow~", "(in|to) (the) hospital",
        "hospital|hospitalised|hospitalized|hospitalisation|hospitalization", "cancer", "surgery",
        "chemo", "seriously ill", "terminal", "lost my job", "laid off", "unemployed",
        "(can't|cannot|couldn't) afford", "need (that|the|this) money (for|to)", "for (my) rent",
        "(my|our|the) (rent|mortgage|food|grocery|groceries|bills) money", "medical emergency",
        "family emergency", "emergency",
        // Disabled as a person is ("my son is disabled", "a disabled passenger"), not as a
        // device or an account is ("my disabled iPhone", "the account was disabled").
        "(I'm|I am|he's|she's|he is|she is|they're|they are|we're|we are|am) [registered|severely|"
        "physically] disabled",
        "(son|daughter|child|mum|mother|dad|father|husband|wife|partner|brother|sister|kid|baby|"
        "grandson|granddaughter|nan|gran|grandma|grandad|friend|wife's|husband's) (is|was) "
        "[registered|severely|physically] disabled",
        "disabled (son|daughter|child|children|kids|mum|mother|dad|father|husband|wife|partner|"
        "brother|sister|person|people|customer|customers|passenger|passengers|man|woman|veteran|"
        "relative|guest|guests|access)",
        "disability", "miscarriage", "divorce", "evicted", "homeless"}},
      // What the problem costs the customer, or the fear it causes: an apology alone doesn't
      // answer it; the reply should show it was heard. Also danger narrowly missed, harm to the
      // body, a journey made for nothing and an event at hand.
      {"stakes",
       {"lost (a|an|the|my|half a|an entire|a whole|the whole|an|all) "
        "(morning|day|afternoon|evening|night|week|weekend|hour|hours|shift) [of work|'s pay|of "
        "pay|of wages]",
        "lost (a|half a) day's (pay|work|wages)", "lost (hours|days) of work",
        "lost (work|pay|wages|income|earnings|sales|customers|clients|a client|business|my "
        "deposit)",
        "(took|taken|take) (the|a|half a) day off", "(took|taken) time off [work]",
        "(a|an|the) (unpaid|whole|full) day off", "unpaid (leave|day|day off|time off)",
        "(paid|paying) for (childcare|a babysitter|a sitter|a taxi|a cab|a hotel|parking|a carer)",
        "(our|my) (anniversary|honeymoon|wedding|wedding day|birthday)",
        "(party|wedding|event|ceremony|interview|flight|meeting|celebration|funeral|dinner|"
        "concert|gig|recital|performance|show|exam|presentation|competition|band) "
        "(starts|is|begins|"
        "leaves) (in|at|tomorrow|tonight|today|this)",
        // An event the customer has at hand, told as theirs ("we have our exam next week").
        "(I|we) (have|have got|'ve got) (a|an|my|our) (concert|gig|recital|performance|show|exam|"
        "wedding|interview|competition|race|match|presentation|audition|funeral) (on|this|"
        "tomorrow|tonight|today|next|in)",
        // What the problem cost, told as a loss: "that's £60 wasted", "we hardly slept", "I've
        // lost two good evenings of it", "I nearly fell".
        "[£|$|€] <number> wasted", "wasted [£|$|€] <number>",
        "(hardly|barely|never|didn't|did not|couldn't|could not|can't|cannot) (slept|sleep)",
        "no sleep",
        "(lost|missed|wasted) (two|three|four|five|<number>|a couple of|several) [clear|good|whole|"
        "full|precious] (nights|days|evenings|weekends|mornings|afternoons|sessions|lessons)",
        "(nearly|almost) (fell|fallen|crashed|drowned|choked|electrocuted|burnt|burned|fell "
        "off|came off|tripped|slipped)",
        "(I|we|and) paid [£|$|€] <number> for (that|this|it|nothing|the privilege)",
        // Plans already made around it ("I'd already booked a hotel for that weekend").
        "(I'd|I had|we'd|we had) already (booked|paid for|bought|arranged|ordered|taken|hired)",
        // A show at hand, told by when it is on ("the band is on at 8", "we're on at nine").
        "(band|show|gig|act|choir|play|we|we're|I'm) [is|are] on (at|in|tonight|tomorrow)",
        // Health made worse by it: "my asthma was bad all weekend", "it set off her eczema".
        "(asthma|allergy|allergies|eczema|migraine|migraines|hay fever) (was|were|got|has been|"
        "have been|is|are) [so|really|very] (bad|worse|awful|terrible)",
        "(asthma|allergy|allergies|eczema|migraine|migraines) (flared|played up|came back)",
        "(set off|triggered|brought on) (my|his|her|our|their) (asthma|allergy|allergies|eczema|"
        "migraine|migraines)",
        "(allergic|bad|severe) reaction", "reaction to (the|my|his|her|their)", "swollen",
        "bleeding", "(in|with) (so much|a lot of|severe) pain", "(can't|cannot|couldn't) breathe",
        "(went|go|going|gone) hungry",
        "(I'm|I am|we're|we are|now) stuck (here|there|abroad|overseas|outside)",
        "is (it|this|that|the water) safe", "safe (to|for) (drink|use|eat|drive|touch|my|the|our)",
        "(isn't|is not|not) safe", "dangerous", "(exposed|live|loose|bare) wires",
        "wires (hanging|exposed|sticking)", "gas leak", "smell~ (of) gas",
        "(can't|cannot|cant|unable to) lock",
        "lock (snapped|broke|is broken|has broken|won't lock)",
        "(rent|mortgage|bills) (is|are) due", "rent to pay", "(before|until|till) payday",
        "tight budget", "overdrawn", "overdraft", "bank fee|fees|charges", "I work from home",
        "need (it|this|my phone|my laptop|the internet|my car) for work",
        "(clients|customers|patients|students) (are) waiting", "my (whole) business",
        "missed (my|a|the|our) "
        "(flight|train|wedding|appointment|meeting|interview|shift|exam|deadline|connection|"
        "funeral|rehearsal|lesson|class|concert|match|game|show|performance|recital|party|"
        "ferry|bus|coach|booking)",
        "stranded", "stuck (in|at) [the] (airport|station|abroad)", "abroad and", "no cash",
        "(with|and) (my|our) (kids|children|baby|toddler|newborn)",
        "(dad|mum|mom|father|mother|son|daughter|husband|wife|partner|grandmother|grandfather) "
        "(is|'s|are) (on oxygen|ill|sick|disabled|elderly|vulnerable|diabetic|in hospital)",
        "on oxygen", "insulin", "wrong (dose|dosage|medication|medicine)", "frightening",
        "frightened", "terrified", "terrifying", "scary", "scared", "panicking", "panic",
        "worried sick", "in tears", "crying", "can't sleep", "sleepless",
        "(not|don't|do not) feel safe", "unsafe",
        "(door|house|gate|window) (was|were) [left] (open|unlocked|wide open)",
        "left (the|my|our) [front|back] (door|house|gate) (open|unlocked|wide open)",
        "it wide open",
        "nearly (set fire|caught fire|burned|burnt|fell|fallen|crashed|choked|electrocuted|"
        "drowned|died|lost)",
        "(caught|set) fire",
        "could have (been killed|been hurt|been injured|killed|hurt|injured|burned|burnt|started "
        "a fire|been in there|been seriously)",
        "(my|our) (hands|legs|knees) (are|were) [still] shaking",
        "(dizzy|nauseous|nausea|headaches|migraines|blisters|a rash|rashes|bruises|burns)",
        "(a|a thumping|a splitting|a pounding) headache",
        "(travelled|traveled|drove|driven|came|walked|flew|flown|cycled|trekked) (all the way|from "
        "three|from two|from four|from across)",
        "(travelled|traveled|drove|driven|came|walked|flew|flown|cycled|trekked) <number> (miles|"
        "hours|minutes|mins|km)",
        "(interview|wedding|funeral|flight|exam|party|meeting|ceremony|christening|operation) "
        "(tomorrow|tonight|today|this weekend|on saturday|on sunday|on friday|on monday)"}},
      // How the customer says they feel, in their own words and any trade ("I'm gutted", "my
      // hands are still shaking"): owed an acknowledgement whatever the frustration score says.
      // The first two phrases are one split in two (one would expand past the phrase limit).
      {"feeling",
       {"(I'm|I am|I feel|I felt|I was|I've been|we're|we are|we were|we feel|feeling|left me|left "
        "us) [so|really|absolutely|honestly|completely|utterly|just|very|quite|pretty|genuinely|"
        "truly|bloody|properly|still|totally|beyond] "
        "(gutted|devastated|heartbroken|distraught|upset|humiliated|mortified|embarrassed|furious|"
        "livid|fuming|exhausted|shaken|shaking|terrified|miserable|disappointed)",
        "(I'm|I am|I feel|I felt|I was|I've been|we're|we are|we were|we feel|feeling|left me|left "
        "us) [so|really|absolutely|honestly|completely|utterly|just|very|quite|pretty|genuinely|"
        "truly|bloody|properly|still|totally|beyond] "
        "(angry|frustrated|crushed|distressed|traumatised|traumatized|anxious|worried|scared|"
        "frightened|stressed|panicking|nervous|sick about|in tears|beside myself|let down)",
        "(I'm|I am|I feel|I felt|feeling|we're|we are) a (bit|little) (upset|disappointed|let "
        "down|worried|anxious|nervous|scared|embarrassed|frustrated|gutted|shaken|stressed)",
        "(my|our) (hands|legs|knees) (are|were) [still] shaking",
        "(starting|beginning) to (hate|regret|dread)",
        "I (feel|felt) like (I've|I have|I'd|I) (wasted|been)",
        "(regret|regretting) (buying|ordering|booking|choosing|paying|coming|signing)",
        "(made|makes|left) (me|us) (cry|feel sick|feel awful|feel stupid|feel terrible|feel "
        "small|feel like an idiot)",
        // Feeling wronged, told by what was done to them: "feel ripped off", "felt fobbed off".
        "(feel|felt|feeling|I'm left feeling|left feeling) [so|really|totally|completely|a bit|a "
        "little|honestly|properly|well and truly|very|quite|pretty|utterly] (ripped off|cheated|"
        "conned|scammed|fobbed off|mugged off|short-changed|shortchanged|betrayed|misled|taken "
        "advantage of|duped|robbed|fleeced|ignored|invisible|abandoned|helpless|powerless|"
        "hopeless|taken for a ride|treated like)",
        // Helplessness by its shape: not knowing what to do, at the end of one's tether.
        "(I|we) (don't|do not|dont|didn't|did not|no longer|honestly don't|really don't|just "
        "don't) know what (else|more) (to do|I can do|we can do|to try|I'm meant to do|I'm "
        "supposed to do|we're meant to do|we're supposed to do)",
        "(I|we) (don't|do not|dont|honestly don't|really don't|just don't) know what to do",
        "(no|no real|no earthly) idea what [else] (to do|I can do|we can do)",
        "(at|reached|reaching|nearly at|almost at) (my|our) (wits|wit's|wits') end",
        "(at|reached|reaching) the end of (my|our) (tether|rope)",
        "(I'm|I am|we're|we are) at a (complete|total) loss", "(I|we) (can't|cannot|can not) cope",
        "(at|reached|reaching) breaking point",
        "(I|we) (just) (want|wanted) to (cry|scream|give up)"}},
      // A worry about what may have happened or may happen ("I'm worried it's got lost", "is it
      // safe?"), no fault of ours named: owed an answer to the worry, not an apology. Not a
      // fear about a harm already done ("I'm scared to wash it", "I am panicking"). "I'm afraid
      // the box arrived crushed" is a softener before a harm told, so "afraid" is no worry word.
      {"worry",
       {"(worried|anxious|nervous|concerned|scared|frightened|terrified|panicking) (it's|"
        "it|it'll|it has|it might|it may|it was|that|about|they|they've|they'll|he|she|he's|"
        "she's|someone|something|my|the|our|we|we'll|I|I'll|I've|this)",
        "(is|are) (it|this|that|they|these) safe"}},
  };
  return lexicon;
}

}  // namespace tactful::customer
