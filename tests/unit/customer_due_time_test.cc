// Lateness told by the clock (customer/due_time.cc): a time we were due by and a time now past it.
#include <gtest/gtest.h>

#include <string>

#include "customer/signals_internal.h"
#include "one_customer_message.h"

namespace tactful {
namespace {

bool late(const std::string& text) {
  return customer::due_time_passed(TextModel(text)).has_value();
}

TEST(DueTimePassed, ADueTimeAndANowPastIt) {
  EXPECT_TRUE(late("The skip lorry was due between 7 and 10. It's 11:15."));
  EXPECT_TRUE(late("Our slot was 9-11am and it's now 2pm. Nobody."));
  EXPECT_TRUE(late("The piano movers were booked for 9:30. It's gone 11."));
  EXPECT_TRUE(late("It is already 4 pm and the caterers, expected at 2, aren't here."));
  EXPECT_TRUE(late("Delivery was promised by noon. It's 3pm."));
  // The span is the time now.
  const std::string text = "The van was expected from 7 till 11. It's 12:40 now.";
  const auto span = customer::due_time_passed(TextModel(text));
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(text.substr(span->begin, span->end - span->begin), "It's 12:40");
  // Read as lateness, with nothing else said.
  EXPECT_TRUE(testing::read_one_customer_message(text).has_intent("delivery.late"));
}

TEST(DueTimePassed, NotYetLateOrNoClock) {
  EXPECT_FALSE(late("The engineer is due between 7 and 11. It's 9am, is he on his way?"));
  EXPECT_FALSE(late("Booked for 10. It's 10:10, running a bit behind?"));     // within half an hour
  EXPECT_FALSE(late("It's 3pm here in Lisbon. Is the shop open tomorrow?"));  // no due time
  EXPECT_FALSE(late("We booked a table for 2 people at 8. It's 2 of us now, not 3."));
  EXPECT_FALSE(late("The cleaner was booked for 10. It's 2 hours of work, isn't it?"));
  EXPECT_FALSE(late("The invoice was due by the 5th and it's now the 9th."));  // dates: not read
}

}  // namespace
}  // namespace tactful
