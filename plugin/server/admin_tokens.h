// Admin bearer tokens: made from 256 random bits, stored only as their SHA-256.
#pragma once

#include <string>
#include <string_view>

namespace tactful::server {

// A new token: "tfa_" and 64 hex digits of 32 bytes from OpenSSL's CSPRNG. Empty if the
// generator fails (then no token may be issued).
std::string new_admin_token();

// Lowercase hex SHA-256 of `text`. A token carries 256 random bits, so a fast hash suffices:
// unlike a password there is nothing to guess from a dictionary, and a leaked hash cannot be
// reversed by brute force (2^256 candidates). A slow hash would only slow every request.
std::string sha256_hex(std::string_view text);

// Tenant and team ids: 1..64 of letters, digits, '.', '-', '_' (so they are safe in paths,
// headers and CSV without quoting).
bool valid_slug(std::string_view id);

}  // namespace tactful::server
