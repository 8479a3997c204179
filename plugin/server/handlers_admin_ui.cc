// The admin console's files at /ui/ (embedded from plugin/web/admin). The page holds an admin
// token, so it is served with a policy that allows nothing from anywhere but this server.
#include <vector>

#include "handlers_admin.h"
#include "services.h"
#include "static_files.h"
#include "tactful/embedded.h"

namespace tactful::generated {
const std::vector<tactful::EmbeddedFile>& admin_files();
}

namespace tactful::server {

HttpResponse handle_admin_ui(const HttpRequest& req, Services&) {
  std::string_view rest = req.path.substr(std::string_view("/ui/").size());
  if (rest.empty()) rest = "index.html";
  const auto rel = safe_relative_path(rest);
  if (rel)
    for (const auto& f : generated::admin_files())
      if (f.name == *rel) {
        HttpResponse res{200, std::string(content_type_for(f.name)), f.data, {}};
        res.headers.emplace_back("Cache-Control", "no-cache");
        res.headers.emplace_back("X-Content-Type-Options", "nosniff");
        res.headers.emplace_back(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        res.headers.emplace_back("Referrer-Policy", "no-referrer");
        return res;
      }
  return json_error(404, "no file " + std::string(req.path.substr(0, 200)));
}

}  // namespace tactful::server
