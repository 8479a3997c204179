// Reading the config file's "integrations" array and the TACTFUL_INTEGRATION_<ID>_* variables.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <vector>

#include "tactful/server/config.h"

namespace tactful::server {

// Parses the array into `out` (replacing it), filling the defaults docs/webhooks.md lists: the
// vendor's signature scheme and its public API host where it has one. Errors
// name `where` ("config.json: integrations"), the index and the key; never a secret's value.
// Semantic checks are left to validate(Integration), after the environment is applied.
std::optional<Error> parse_integrations(const rapidjson::Value& array, const std::string& where,
                                        std::vector<Integration>& out);

// Parses one integration object (the config file's format; the admin API's body) into `out`,
// with the same defaults and errors as parse_integrations; `where` prefixes every error ("$").
std::optional<Error> parse_integration(const rapidjson::Value& object, const std::string& where,
                                       Integration& out);

// Adds the note author credential (Intercom admin_id, Front author_id) to the integration's own
// author ids: the notes tactful posts are never coached.
void add_note_authors(Integration& integration);

// Applies TACTFUL_INTEGRATION_<ID>_SECRET, _BASIC_USER and _CREDENTIAL_<KEY> (for every key
// the vendor's note API needs and every key the file names) to the integrations the file
// defines. <ID> is the id upper-cased with '-' as '_'. Then adds the note author credential
// (Intercom admin_id, Front author_id) to the integration's own author ids.
std::optional<Error> apply_integration_env(std::vector<Integration>& integrations,
                                           const Getenv& getenv);

}  // namespace tactful::server
