// The benchmark inputs: see bench_inputs.h.
#include "bench_inputs.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>

namespace tactful::bench {
namespace {

using std::chrono::sys_days;
using std::chrono::sys_seconds;
using namespace std::chrono_literals;

constexpr std::string_view kDraft600 =
    "Hi Dana,\n\n"
    "Thanks for writing in about the double charge on your March invoice. I checked your account "
    "and I can see both payments of $49.00 on March 3. "
    "Per our policy, refunds can only go back to the original card. Unfortunately, I can't "
    "reverse the second charge from here, so I've moved your case (BILL-20417) to the tier 2 "
    "queue and the billing team will process it soon. I've also turned off the duplicate "
    "renewal so it won't happen on your next billing date. You'll get an email from us as soon "
    "as the refund is issued. Let me know if there's anything else I can help with.\n\n"
    "Best regards,\nSam";

// 2026-03-04, the morning after the double charge.
sys_seconds at(std::chrono::minutes minutes_after_nine) {
  return sys_seconds{sys_days{std::chrono::year{2026} / 3 / 4}} + 9h + minutes_after_nine;
}

// Sentences an agent writes, good and bad, for the length series.
constexpr std::array<std::string_view, 12> kSentences = {
    "Thanks for your patience while I looked into this.",
    "I can see the payment went through twice on March 3.",
    "Per our policy, refunds take 5-10 business days.",
    "Unfortunately there is nothing I can do to speed it up.",
    "I've asked our payments team to reverse the duplicate charge today.",
    "You should have received a confirmation email by now.",
    "We will look into it and get back to you soon.",
    "I'm sorry this happened, I know you were counting on that money.",
    "Your case is now in the tier 2 queue with a high priority.",
    "I'll email you by 3 pm tomorrow with the refund reference.",
    "Please make sure the card on file is still valid.",
    "Let me know if there's anything else I can help with.",
};

// Deterministic and independent of the standard library's distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::size_t pick(std::size_t n) {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return static_cast<std::size_t>(s_ % n);
  }

 private:
  std::uint64_t s_;
};

// Made-up product names, internal modifiers and jargon nouns. Chosen so the phrases they make
// (2-4 tokens) never equal a built-in phrase; "nothing to see here" (the pass example) shares
// no word with them. Numbers appear literally ("tier 2") and as `<number>` ("level <number>"):
// a literal number must not stop the built-in `<number>` phrases from matching it, which the
// loader checks through vague.soon's pass example ("within 2 hours" waives "soon").
constexpr std::array<std::string_view, 40> kProducts = {
    "zentrix",   "quorvo",   "billflow",   "ledgerly", "payvista", "nimbra",  "corelink",
    "tallyhub",  "orbitpay", "clearpath",  "stackrun", "fluxdesk", "vantix",  "prismo",
    "keystonix", "halcyon",  "brightgate", "novacart", "tessera",  "lumora",  "ferrowave",
    "quillon",   "datavine", "settlr",     "invoxa",   "paygrid",  "syncora", "helixa",
    "tandemly",  "cartwise", "ziplane",    "omnivox",  "kyberly",  "marlow",  "vexa",
    "trellix",   "ambrion",  "solvix",     "pennant",  "quanta"};
constexpr std::array<std::string_view, 28> kModifiers = {
    "tier 2",       "tier 3",   "l2",       "level <number>", "p1",         "p2",
    "sev 1",        "internal", "legacy",   "batch",          "nightly",    "upstream",
    "downstream",   "backend",  "frontend", "auto",           "dunning",    "proration",
    "ledger",       "billing",  "payout",   "reconciliation", "settlement", "entitlement",
    "provisioning", "sandbox",  "staging",  "shard"};
constexpr std::array<std::string_view, 28> kNouns = {
    "queue",    "matrix",   "backlog",  "runbook",    "playbook", "cohort", "pipeline",
    "sync",     "cutover",  "rollback", "hotfix",     "sprint",   "triage", "handoff",
    "bucket",   "workflow", "ticket",   "escalation", "override", "toggle", "ruleset",
    "snapshot", "export",   "webhook",  "cron",       "worker",   "run",    "gateway"};
constexpr std::array<std::string_view, 8> kPlain = {
    "our specialists", "the billing system", "your account settings", "the refund process",
    "our engineers",   "the next update",    "a quick check",         "our payments team"};

std::string phrase(Rng& rng) {
  auto product = [&] { return std::string(kProducts[rng.pick(kProducts.size())]); };
  auto modifier = [&] { return std::string(kModifiers[rng.pick(kModifiers.size())]); };
  auto noun = [&] { return std::string(kNouns[rng.pick(kNouns.size())]); };
  switch (rng.pick(4)) {
    case 0:
      return product() + " " + noun();
    case 1:
      return modifier() + " " + noun();
    case 2:
      return product() + " " + modifier() + " " + noun();
    default:
      return modifier() + " " + noun() + " " + noun();
  }
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string examples(const std::vector<std::string>& flagged) {
  std::string flags;
  for (std::string f : flagged) {
    for (auto at = f.find("<number>"); at != std::string::npos; at = f.find("<number>"))
      f.replace(at, 8, "2");
    flags += (flags.empty() ? "" : ", ") + quoted("We use the [[" + f + "]] here.");
  }
  return R"("examples": {"flag": [)" + flags + R"(], "pass": ["Nothing to see here."]})";
}

std::string head(const std::string& id, std::string_view kind, std::string_view category) {
  return "{\"id\": " + quoted(id) + ", \"kind\": " + quoted(kind) +
         ", \"category\": " + quoted(category) +
         ", \"severity\": \"suggestion\", \"message\": \"\\\"{match}\\\" is an internal term.\", "
         "\"why\": \"Customers don't know our internal names; plain words save a reply.\", ";
}

}  // namespace

std::string_view draft600() {
  return kDraft600;
}

const std::vector<Message>& history5() {
  static const std::vector<Message> history = {
      {Role::customer,
       "Hi, I was charged twice for my Pro plan this month. Can you check what happened?",
       at(2min)},
      {Role::agent,
       "Hi Dana, thanks for reaching out. Could you send me a screenshot of both charges?",
       at(20min)},
      {Role::customer,
       "Here you go. Both are $49 on March 3. I need that money back, it was for my rent.",
       at(41min)},
      {Role::agent, "Thanks, I've passed this to our billing team and will update you here.",
       at(55min)},
      {Role::customer,
       "It's been almost an hour and nobody has replied. This is really frustrating. I want a "
       "refund today or I'm cancelling.",
       at(100min)},
  };
  return history;
}

Context context_with_history() {
  Context ctx;
  ctx.history = history5();
  ctx.team = "billing";
  ctx.channel = "email";
  ctx.customer_name = "Dana";
  ctx.now = at(112min);
  return ctx;
}

std::string draft_of_length(std::size_t bytes) {
  std::string out;
  for (std::size_t i = 0; out.size() < bytes; ++i) {
    if (i > 0) out += (i % 4 == 0) ? "\n\n" : " ";
    out += kSentences[i % kSentences.size()];
  }
  out.resize(bytes);
  return out;
}

PackSource admin_pack(std::size_t count) {
  Rng rng(0x7AC7F01);
  std::set<std::string> used;
  auto fresh = [&] {
    for (;;) {
      std::string p = phrase(rng);
      if (used.insert(p).second) return p;
    }
  };
  std::string rules;
  auto add = [&](const std::string& rule) { rules += (rules.empty() ? "\n  " : ",\n  ") + rule; };
  const std::size_t phrases = count * 7 / 10;
  const std::size_t substitutes = count * 2 / 10;
  for (std::size_t i = 0; i < count; ++i) {
    char id[48];
    if (i < phrases) {
      // The first rule holds the terms the 600-character draft uses, so admin hints fire there.
      std::vector<std::string> ps;
      if (i == 0) {
        ps = {"tier 2 queue", "ticket escalation matrix"};
        used.insert(ps.begin(), ps.end());
      } else {
        for (std::size_t n = 1 + rng.pick(3); n > 0; --n) ps.push_back(fresh());
      }
      std::string list;
      for (const auto& p : ps) list += (list.empty() ? "" : ", ") + quoted(p);
      std::snprintf(id, sizeof id, "admin.jargon.p%04zu", i);
      add(head(id, "phrase", "jargon") + "\"phrases\": [" + list + "], " + examples(ps) + "}");
    } else if (i < phrases + substitutes) {
      std::vector<std::string> ps;
      std::string swap;
      for (std::size_t n = 1 + rng.pick(2); n > 0; --n) {
        ps.push_back(fresh());
        swap += (swap.empty() ? "" : ", ") + quoted(ps.back()) + ": [" +
                quoted(kPlain[rng.pick(kPlain.size())]) + ", " +
                quoted(kPlain[rng.pick(kPlain.size())]) + "]";
      }
      std::snprintf(id, sizeof id, "admin.jargon.s%04zu", i);
      add(head(id, "substitute", "jargon") + "\"swap\": {" + swap + "}, " + examples(ps) + "}");
    } else {
      // Literal-ish regexes: internal ticket keys ("BILL-20417") and product-noun pairs.
      std::string regex;
      std::string flagged;
      if (i == phrases + substitutes) {
        regex = R"(\bBILL-\d{4,6}\b)";
        flagged = "BILL-20417";
      } else if (i % 2 == 0) {
        std::string key(kProducts[rng.pick(kProducts.size())].substr(0, 3));
        for (auto& c : key) c = static_cast<char>(c - 'a' + 'A');
        key += std::to_string(i % 100);
        regex = "\\b" + key + R"(-\d{3,6}\b)";
        flagged = key + "-4821";
      } else {
        const std::string product(kProducts[rng.pick(kProducts.size())]);
        const std::string noun(kNouns[rng.pick(kNouns.size())]);
        regex = "\\b" + product + "[- ]?" + noun + "s?\\b";
        flagged = product + "-" + noun;
      }
      std::snprintf(id, sizeof id, "admin.brand.r%04zu", i);
      add(head(id, "pattern", "brand-terms") + "\"regex\": " + quoted(regex) + ", " +
          examples({flagged}) + "}");
    }
  }
  return {"admin-generated.json",
          "{\"schema\": 1, \"pack\": \"admin-generated\", \"description\": \"" +
              std::to_string(count) + " generated admin rules for the benchmarks\", \"rules\": [" +
              rules + "\n]}\n"};
}

std::shared_ptr<const RuleSet> load_rules_or_die(bool with_admin) {
  std::vector<PackSource> packs = builtin_packs();
  if (with_admin) packs.push_back(admin_pack());
  auto loaded = RuleSet::load(packs);
  if (!loaded.ok()) {
    std::fprintf(stderr, "tactful_bench: the rule set was refused:\n%s\n",
                 loaded.error().message.c_str());
    std::exit(2);
  }
  return loaded.value();
}

std::string suggest_request_json() {
  const std::string path = std::string(TACTFUL_SOURCE_DIR) + "/bench/suggest.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "tactful_bench: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace tactful::bench
