// Removing customer PII from text before it is logged.
#pragma once

#include <string>
#include <string_view>

namespace tactful::server {

// `text` with every e-mail address replaced by "[email]", every card number (13–19 digits,
// single spaces or dashes between groups allowed, Luhn-valid) by "[card]" and every phone
// number by "[phone]". A phone number is '+' and 7–15 digits, or 10–15 digits in at least two
// groups separated by single spaces, dashes or a parenthesised area code ("(555) 123-4567",
// "020 7946 0958"); a bare run of digits without '+' is not one, so ids, ports and times
// survive. Deliberately errs towards redacting: a log loses a number rather than keep a card.
// Returns the text unchanged (no copy beyond the result) when nothing matches.
std::string redact_pii(std::string_view text);

}  // namespace tactful::server
