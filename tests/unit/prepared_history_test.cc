// PreparedHistory: analyze with a history read beforehand gives the very report that reading it
// afresh gives, on every case of the labelled corpus, at other times, and for other drafts of
// the same conversation; a PreparedHistory that does not fit the context is not used.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "tactful/adapters/native_json.h"
#include "tactful/engine.h"
#include "tactful/prepared_history.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

std::vector<SuggestRequest> corpus_requests() {
  static constexpr std::string_view kExtra[] = {"id", "situation", "expect", "allow", "note"};
  std::vector<SuggestRequest> out;
  const std::filesystem::path root = std::filesystem::path(TACTFUL_SOURCE_DIR) / "tests/corpus";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto parsed = parse_suggest_request(line, {}, kExtra);
      if (auto* r = std::get_if<SuggestRequest>(&parsed)) out.push_back(std::move(*r));
    }
  }
  return out;
}

std::string fresh(const Engine& engine, const SuggestRequest& r) {
  return report_to_json(engine.analyze(r.context(), r.draft_view(), r.options()), r);
}

std::string prepared(const Engine& engine, const SuggestRequest& r, const PreparedHistory& h) {
  return report_to_json(engine.analyze(r.context(), r.draft_view(), r.options(), h), r);
}

Message msg(Role role, std::string text) {
  return {role, std::move(text), std::nullopt};
}

TEST(PreparedHistory, SameReportOnEveryCorpusCase) {
  const Engine engine(RuleSet::builtin());
  const auto requests = corpus_requests();
  ASSERT_GT(requests.size(), 500u);  // the corpus and its holdout set were found
  std::size_t with_history = 0;
  for (const SuggestRequest& r : requests) {
    const PreparedHistory h(r.history);
    with_history += !r.history.empty();
    EXPECT_EQ(prepared(engine, r, h), fresh(engine, r)) << r.draft;
  }
  EXPECT_GT(with_history, 400u);
}

TEST(PreparedHistory, ReusedForOtherDraftsAndTimes) {
  const Engine engine(RuleSet::builtin());
  const auto requests = corpus_requests();
  ASSERT_FALSE(requests.empty());
  // One conversation, many drafts: the keystrokes of a reply, then every corpus draft, each
  // at a later time (the waiting time is read per draft, not from the prepared history).
  SuggestRequest r = requests.front();
  ASSERT_FALSE(r.history.empty());
  const PreparedHistory h(r.history);
  const std::string full = r.draft;
  for (std::size_t n = 1; n <= full.size(); n += 7) {
    r.draft = full.substr(0, n);
    EXPECT_EQ(prepared(engine, r, h), fresh(engine, r));
  }
  for (std::size_t i = 0; i < requests.size(); i += 3) {
    r.draft = requests[i].draft;
    r.now = *r.now + std::chrono::minutes(17);
    EXPECT_EQ(prepared(engine, r, h), fresh(engine, r)) << r.draft;
  }
}

TEST(PreparedHistory, WaitingIsReadAtTheTimeOfTheDraft) {
  const Engine engine(RuleSet::builtin());
  std::vector<Message> history = {msg(Role::customer, "Where is my order? It was due Monday.")};
  history[0].at = std::chrono::sys_seconds{std::chrono::hours(1000)};
  const PreparedHistory h(history);
  Context ctx;
  ctx.history = history;
  const Draft draft{"Your order ships tomorrow.", {}};
  ctx.now = *history[0].at + std::chrono::minutes(5);
  const Report soon = engine.analyze(ctx, draft, {}, h);
  ctx.now = *history[0].at + std::chrono::minutes(300);
  const Report late = engine.analyze(ctx, draft, {}, h);
  ASSERT_TRUE(soon.customer.waited_minutes && late.customer.waited_minutes);
  EXPECT_DOUBLE_EQ(*soon.customer.waited_minutes, 5);
  EXPECT_DOUBLE_EQ(*late.customer.waited_minutes, 300);
  EXPECT_GT(late.customer.frustration, soon.customer.frustration);  // 30+ minutes weighs in
}

TEST(PreparedHistory, NotUsedWhenItDoesNotFit) {
  const Engine engine(RuleSet::builtin());
  const std::vector<Message> angry = {
      msg(Role::customer, "You charged me TWICE. I want a manager now or I'm cancelling!!")};
  const std::vector<Message> calm = {msg(Role::customer, "Hi, how do I change my email?")};
  const std::vector<Message> two = {angry[0], msg(Role::agent, "Checking now.")};
  const PreparedHistory h(angry);
  EXPECT_TRUE(h.fits(angry));
  EXPECT_FALSE(h.fits(calm));  // another text size
  EXPECT_FALSE(h.fits(two));   // another message count
  const std::vector<Message> other_role = {msg(Role::agent, angry[0].text)};
  EXPECT_FALSE(h.fits(other_role));
  // Given the wrong history, analyze reads the context's own: the calm customer's report.
  Context ctx;
  ctx.history = calm;
  const Draft draft{"You can change it under Settings.", {}};
  const Report with_wrong = engine.analyze(ctx, draft, {}, h);
  const Report plain = engine.analyze(ctx, draft);
  EXPECT_EQ(with_wrong.customer.frustration, plain.customer.frustration);
  EXPECT_EQ(with_wrong.customer.intents.size(), plain.customer.intents.size());
  EXPECT_EQ(with_wrong.suggestions.size(), plain.suggestions.size());
  Context angry_ctx;
  angry_ctx.history = angry;
  EXPECT_GT(engine.analyze(angry_ctx, draft, {}, h).customer.frustration,
            with_wrong.customer.frustration);
}

TEST(PreparedHistory, MemoryGrowsWithTheHistory) {
  // The server's cache bounds its size by this, so it must count what the history made.
  std::string long_reply;
  for (int i = 0; i < 400; ++i) long_reply += "word" + std::to_string(i) + " ";
  const PreparedHistory small(std::vector<Message>{msg(Role::agent, "Checking now.")});
  const PreparedHistory large(std::vector<Message>{msg(Role::agent, long_reply)});
  EXPECT_GT(small.memory_bytes(), 0u);
  EXPECT_GT(large.memory_bytes(), small.memory_bytes() + 400 * 8);  // a hash slot per word
}

TEST(PreparedHistory, RepeatDetectionUsesThePreparedAgentWords) {
  const Engine engine(RuleSet::builtin());
  const std::vector<Message> history = {
      msg(Role::customer, "My package never arrived."),
      msg(Role::agent,
          "I have escalated this to our shipping team and they will contact you "
          "within two business days with an update."),
      msg(Role::customer, "That was a week ago. Nothing happened!")};
  const PreparedHistory h(history);
  Context ctx;
  ctx.history = history;
  const Draft draft{
      "I have escalated this to our shipping team and they will contact you "
      "within two business days with an update.",
      {}};
  const Report report = engine.analyze(ctx, draft, {}, h);
  const auto repeated =
      std::count_if(report.suggestions.begin(), report.suggestions.end(),
                    [](const Suggestion& s) { return s.category == "repetition"; });
  EXPECT_EQ(repeated, 1);
  EXPECT_EQ(report.suggestions.size(), engine.analyze(ctx, draft).suggestions.size());
}

}  // namespace
}  // namespace tactful
