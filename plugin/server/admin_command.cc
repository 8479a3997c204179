// `tactful admin`: manage admin API tokens in the server's store, and rotate the key that seals
// the stored integration secrets.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "admin_store.h"
#include "commands.h"
#include "options.h"
#include "secrets_key_rotation.h"
#include "tactful/server/config.h"

namespace tactful::cli {
namespace {

constexpr std::string_view kUsage =
    R"(usage: tactful admin token create --tenant T --role admin|viewer [--name N]
       tactful admin token list [--tenant T]
       tactful admin token revoke ID
       tactful admin rotate-secrets-key

Manages the bearer tokens of the admin API (/v1/admin/*, see docs/admin.md). Tokens live
hashed (SHA-256) in the server's SQLite store; `create` prints the new token once, and it
cannot be shown again. Creating a token for a tenant that does not exist creates the tenant.

rotate-secrets-key makes a new <data_dir>/secrets.key and re-seals every stored integration
secret under it in one transaction. Stop the server first: it is refused while a server uses
the data dir. An interrupted rotation is finished or undone by the next start or rotation.

options:
  --tenant T     the tenant the token may see and change (letters, digits, '.', '-', '_')
  --role R       admin (read and change) or viewer (read only)
  --name N       who or what the token is for; shown in the audit log (default: the role)
  --config FILE  the server's config file, to find its data_dir (TACTFUL_* variables apply)
  --data-dir D   the store's directory (overrides the config)
)";

int fail(std::ostream& err, const std::string& message) {
  err << "tactful admin: " << message << "\n";
  return 2;
}

// Locks the data dir first, so a running server's store is never re-sealed under it.
int rotate_key(const std::string& data_dir, std::ostream& out, std::ostream& err) {
  if (!std::filesystem::is_directory(data_dir))
    return fail(err, "no data dir " + data_dir + " (do --config or --data-dir name the server's?)");
  auto lock = server::SecretsKeyLock::exclusive(data_dir);
  if (!lock.ok()) return fail(err, lock.error().message);
  auto store = server::AdminStore::open(data_dir);
  if (!store.ok()) return fail(err, store.error().message);
  auto done = server::rotate_secrets_key(data_dir, **store);
  if (!done.ok()) return fail(err, done.error().message);
  if (!done->recovered.empty()) err << "tactful admin: first " << done->recovered << "\n";
  for (const auto& id : done->unreadable)
    err << "tactful admin: integration " << id
        << ": its secrets did not open with the old key either; left as they were (enter them "
           "again with PUT /v1/admin/integrations/{id})\n";
  out << "rotated " << data_dir << "/secrets.key: " << done->resealed
      << " integration(s) re-sealed under the new key\n";
  return 0;
}

}  // namespace

int run_admin(Args args, std::istream&, std::ostream& out, std::ostream& err) {
  const Options opt(args, {"--tenant", "--role", "--name", "--config", "--data-dir"},
                    {"--help", "-h"});
  if (!opt.ok()) return fail(err, opt.error() + " (see tactful admin --help)");
  if (opt.has("--help") || opt.has("-h")) {
    out << kUsage;
    return 0;
  }
  const auto& pos = opt.positional();
  const bool rotate = pos.size() == 1 && pos[0] == "rotate-secrets-key";
  if (!rotate && (pos.size() < 2 || pos[0] != "token")) {
    err << kUsage;
    return 2;
  }
  auto config = server::load_config(opt.value("--config").value_or(""),
                                    [](const char* name) { return std::getenv(name); });
  if (!config.ok()) return fail(err, config.error().message);
  const std::string data_dir = opt.value("--data-dir").value_or(config->data_dir);
  if (rotate) return rotate_key(data_dir, out, err);
  auto store = server::AdminStore::open(data_dir);
  if (!store.ok()) return fail(err, store.error().message);
  auto& s = **store;
  const std::string& verb = pos[1];
  if (verb == "create") {
    const auto tenant = opt.value("--tenant"), role = opt.value("--role");
    if (!tenant || !role) return fail(err, "token create needs --tenant and --role");
    server::TokenInfo info;
    auto token = s.create_token(*tenant, *role, opt.value("--name").value_or(*role), info);
    if (!token.ok()) return fail(err, token.error().message);
    err << "token " << info.id << " for tenant '" << info.tenant << "', role " << info.role
        << ", name '" << info.name << "' (store " << s.db().path()
        << "). It is shown once: keep it now.\n";
    out << *token << "\n";
    return 0;
  }
  if (verb == "list") {
    auto tokens = s.list_tokens(opt.value("--tenant").value_or(""));
    if (!tokens.ok()) return fail(err, tokens.error().message);
    out << "id\ttenant\trole\tname\tcreated\trevoked\n";
    for (const auto& t : *tokens)
      out << t.id << "\t" << t.tenant << "\t" << t.role << "\t" << t.name << "\t" << t.created_at
          << "\t" << (t.revoked_at.empty() ? "-" : t.revoked_at) << "\n";
    return 0;
  }
  if (verb == "revoke") {
    if (pos.size() != 3) return fail(err, "token revoke needs the token's id (see token list)");
    const auto id = parse_number(pos[2], 1, 1e15);
    if (!id) return fail(err, "'" + pos[2] + "' is not a token id");
    auto revoked = s.revoke_token(static_cast<std::int64_t>(*id));
    if (!revoked.ok()) return fail(err, revoked.error().message);
    out << "revoked token " << revoked->id << " (" << revoked->name << ")\n";
    return 0;
  }
  return fail(err, "unknown 'token " + verb + "' (create, list, revoke)");
}

}  // namespace tactful::cli
