// Damage told as the job the customer asks us to do is no harm of ours (customer/job_request.cc).
#include <gtest/gtest.h>

#include <string>

#include "customer/signals_internal.h"
#include "one_customer_message.h"

namespace tactful {
namespace {

bool is_job(const std::string& text) {
  return customer::damage_is_the_job(TextModel(text));
}

TEST(DamageIsTheJob, AJobAskedForWithNothingOfOurs) {
  EXPECT_TRUE(is_job("Hail dented the bonnet last week. Could you take a look on Friday?"));
  EXPECT_TRUE(is_job("How much to reglaze a cracked shop window, about 2m by 1m?"));
  EXPECT_TRUE(is_job("Our fence panel blew down in the storm. I'd like a quote to replace it."));
  EXPECT_TRUE(is_job("The dog chewed through the sofa arm. Please reupholster it if you can."));
  // The damage reads as no harm of ours: no apology is owed for it.
  const auto s = testing::read_one_customer_message(
      "A branch fell on the greenhouse and smashed two panes. Can you replace them on Monday?");
  EXPECT_FALSE(s.has_intent("delivery.damaged"));
}

TEST(DamageIsTheJob, OursWhenOurGoodsOrWorkAreInIt) {
  // Our work, our goods, or a thing just had from us.
  EXPECT_FALSE(is_job("The window you fitted in May has cracked. Can you replace it?"));
  EXPECT_FALSE(is_job("The lamp arrived with a cracked shade. Can you send another?"));
  EXPECT_FALSE(is_job("It's leaking again. Can you come and fix it?"));
  EXPECT_FALSE(is_job("My new sofa has a tear in the arm. Can you repair it?"));
  EXPECT_FALSE(is_job("Your engineer scratched the worktop. How much will you knock off?"));
  EXPECT_FALSE(is_job("Can you repair the gate your team damaged yesterday?"));
  EXPECT_FALSE(is_job("The crew that cleared our gutters cracked a tile. Can you fix it?"));
  const auto s = testing::read_one_customer_message(
      "The shower screen you installed has cracked. Can you replace it?");
  EXPECT_TRUE(s.has_intent("delivery.damaged"));
}

TEST(DamageIsTheJob, AFaultInOurProductIsOurs) {
  EXPECT_FALSE(is_job("The app keeps freezing on the checkout screen. Please fix it!"));
  EXPECT_FALSE(is_job("When I sign in I get a error with the login."));
  // A fault in our product asked to be fixed is still owed its apology.
  EXPECT_TRUE(testing::read_one_customer_message(
                  "Multiplayer is broken again, my friend gets a white screen. Please fix this!")
                  .has_intent("product.bug"));
}

TEST(DamageIsTheJob, NoJobAskedIsNoJob) {
  EXPECT_FALSE(is_job("A stone chipped my windscreen on the motorway."));
  // A quote told of is no quote asked for.
  EXPECT_FALSE(is_job("The quote said the roof was sound and now it has cracked."));
  EXPECT_FALSE(is_job("My court booking disappeared and someone else was playing."));
}

}  // namespace
}  // namespace tactful
