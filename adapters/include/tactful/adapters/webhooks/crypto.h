// The primitives webhook authenticity needs: HMAC (OpenSSL EVP), hex and base64, and a
// comparison whose time does not depend on where the inputs differ.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tactful::webhooks {

enum class Digest { sha1, sha256 };

// HMAC of the concatenation of `parts` with `key`; raw bytes (20 or 32). The key is used as
// given (vendors use their secret string as-is, never base64-decoded).
std::string hmac(Digest digest, std::string_view key,
                 std::initializer_list<std::string_view> parts);

std::string to_hex(std::string_view bytes);  // lowercase
std::string to_base64(std::string_view bytes);
// Strict decoders: nullopt on any character outside the alphabet, odd hex length, or base64
// that is not canonical padded form.
std::optional<std::string> from_hex(std::string_view hex);
std::optional<std::string> from_base64(std::string_view text);

// Equal bytes? Runs in time independent of the contents and of where they differ (CRYPTO_memcmp
// over SHA-256 digests of both sides, so a length mismatch does not leak either).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace tactful::webhooks
