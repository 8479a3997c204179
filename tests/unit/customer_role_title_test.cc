// A manager or supervisor asked for, against one only told of (customer/role_title.cc): the
// customer's own title or boss, a manager of theirs with a title word between ("our line
// manager"), and a manager of ours who did something or was met before ask for no one; a
// sentence that asks, or a few words around the role, does.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "one_customer_message.h"
#include "tactful/customer.h"

namespace tactful {
namespace {

bool asks_for_escalation(const std::string& text) {
  return testing::read_one_customer_message(text).has_intent("escalation-request");
}

TEST(RoleTitle, AManagerToldOfAsksForNoOne) {
  for (const char* text : {"Our manager loved the team day, thank you so much.",
                           "The manager at your Leeds branch was lovely and sorted it on the spot.",
                           "Please address the quote to our operations manager, Jo Park.",
                           "The venue manager wants a copy of your insurance certificate.",
                           "Is the site manager the right person to ask about parking?",
                           "Could you copy my line manager into the confirmation email?",
                           "I spoke to a manager yesterday who was rude and useless.",
                           "Your manager promised me a refund on Monday and it still hasn't come."})
    EXPECT_FALSE(asks_for_escalation(text)) << text;
}

TEST(RoleTitle, AManagerAskedForInAnyWording) {
  for (const char* text :
       {"Get your manager on the phone.", "Is there a manager I can talk to about this?",
        "Have your manager call me back this afternoon.", "Can a manager ring me before five?",
        "I've asked three times for a manager and nobody has come back to me.",
        "A supervisor needs to look at this properly.",
        "Your manager needs to explain why I was charged twice.", "MANAGER. NOW.",
        "Is a supervisor available to take my call?",
        "I'll be complaining to your manager about the way I was spoken to."})
    EXPECT_TRUE(asks_for_escalation(text)) << text;
}

}  // namespace
}  // namespace tactful
