// What log redaction removes (e-mail addresses, card and phone numbers) and what it keeps (ids,
// addresses, ports, times), and that the server's log lines pass through it.
#include "redact.h"

#include <gtest/gtest.h>

#include "access_log.h"

namespace tactful::server {
namespace {

TEST(RedactPii, EmailAddresses) {
  EXPECT_EQ(redact_pii("write to jane.doe+billing@example.co.uk."), "write to [email].");
  EXPECT_EQ(redact_pii("a@b.io and x_y@mail.example.com"), "[email] and [email]");
  EXPECT_EQ(redact_pii("@mention, user@localhost, a@b.c"), "@mention, user@localhost, a@b.c");
}

TEST(RedactPii, CardNumbersThatPassLuhn) {
  EXPECT_EQ(redact_pii("card 4111 1111 1111 1111 exp"), "card [card] exp");
  EXPECT_EQ(redact_pii("4111-1111-1111-1111"), "[card]");
  EXPECT_EQ(redact_pii("amex 378282246310005"), "amex [card]");
  EXPECT_EQ(redact_pii("19 digits 6011000990139424009"), "19 digits [card]");
}

TEST(RedactPii, DigitRunsThatFailLuhnOrAreTooShortStay) {
  EXPECT_EQ(redact_pii("order 4111111111111112"), "order 4111111111111112");  // Luhn fails
  EXPECT_EQ(redact_pii("ticket 123456789012"), "ticket 123456789012");        // 12 digits
  EXPECT_EQ(redact_pii("id 12345678901234567890123"), "id 12345678901234567890123");
}

TEST(RedactPii, PhoneNumbers) {
  EXPECT_EQ(redact_pii("call +1 555 123 4567 now"), "call [phone] now");
  EXPECT_EQ(redact_pii("call +447911123456"), "call [phone]");
  EXPECT_EQ(redact_pii("(555) 123-4567"), "[phone]");
  EXPECT_EQ(redact_pii("020 7946 0958."), "[phone].");
  EXPECT_EQ(redact_pii("555-123-4567"), "[phone]");
}

TEST(RedactPii, IdsAddressesPortsAndTimesStay) {
  for (const char* kept :
       {"listening on 127.0.0.1:8080", "tenant acme version 12", "conversation 1234567890",
        "2026-12-05T10:00:00Z", "HTTP 503 from zendesk", "note 42 (cw-main, conversation 9)",
        "[::1]:8080", "v1.2.3", "retry in 30 s"})
    EXPECT_EQ(redact_pii(kept), kept);
}

TEST(RedactPii, NonAsciiTextAroundIsKept) {
  EXPECT_EQ(redact_pii("Grüße, jörg@example.de — +49 30 1234567"), "Grüße, [email] — [phone]");
}

TEST(RedactPii, TheLogRedactsEventMessagesAndPaths) {
  std::vector<std::string> lines;
  {
    AccessLog log([&](std::string_view line) { lines.emplace_back(line); });
    log.event("warning", "webhook", "vendor said: unknown user jane@example.com, +1 555 123 4567");
    log.request({"GET", "unmatched", "/v1/x/jane@example.com", "127.0.0.1", 404, 0.001, 0, 10});
  }
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("unknown user [email], [phone]"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[0].find("jane"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("/v1/x/[email]"), std::string::npos) << lines[1];
}

}  // namespace
}  // namespace tactful::server
