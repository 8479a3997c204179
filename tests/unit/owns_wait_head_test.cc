// The `owns-wait` draft head (eval/add_owns_wait_head.py), the learned waiver of
// responsiveness.long-wait: it reads a draft that owns the customer's wait in words no marker
// lists, and not a curt draft or one that apologises for something else. The drafts here are
// not in the training corpus.
#include <gtest/gtest.h>

#include <string>

#include "learned/draft_model.h"

namespace tactful {
namespace {

double owns_wait(const std::string& draft) {
  const TextModel text(draft);
  return draft::read_draft(text, {})[*draft::head_index("owns-wait")];
}

TEST(OwnsWaitHead, ReadsAWaitOwnedInWordsNoMarkerLists) {
  EXPECT_GE(owns_wait("Sorry you've been hanging on for an answer all afternoon, Dana. Your order "
                      "ships today."),
            0.5);
}

TEST(OwnsWaitHead, ACurtDraftOrAnApologyForSomethingElseDoesNotOwnTheWait) {
  EXPECT_LT(owns_wait("Your order ships today."), 0.1);
  EXPECT_LT(owns_wait("I'm sorry for the confusion with your bill. The credit is on your "
                      "account now."),
            0.5);
  EXPECT_LT(owns_wait("I'm so sorry the sofa arrived damaged. A replacement is on its way."), 0.5);
  EXPECT_LT(owns_wait(""), 0.1);
}

TEST(OwnsWaitHead, IsADraftHeadRulesCanName) {
  ASSERT_TRUE(draft::head_index("owns-wait").has_value());
  EXPECT_EQ(draft::kDraftHeadColumns[*draft::head_index("owns-wait")], customer::Head::owns_wait);
}

}  // namespace
}  // namespace tactful
