// Operations routes (health, readiness, metrics, OpenAPI), static files and the bench ceiling.
#include <vector>

#include "handlers.h"
#include "services.h"
#include "tactful/embedded.h"

namespace tactful::generated {
const std::vector<tactful::EmbeddedFile>& server_files();
}

namespace tactful::server {
namespace {

HttpResponse file_response(std::optional<StaticFile> file, std::string_view path) {
  if (!file) return json_error(404, "no file " + std::string(path.substr(0, 200)));
  HttpResponse res{200, std::string(file->content_type), std::move(file->body), {}};
  res.headers.emplace_back("Cache-Control", "no-cache");
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return res;
}

}  // namespace

HttpResponse handle_index(const HttpRequest& req, Services& s) {
  return file_response(s.static_files.find(""), req.path);
}

HttpResponse handle_static(const HttpRequest& req, Services& s) {
  return file_response(s.static_files.find(req.path.substr(std::string_view("/static/").size())),
                       req.path);
}

HttpResponse handle_healthz(const HttpRequest&, Services&) {
  return {200, "application/json", R"({"status":"ok"})", {}};
}

HttpResponse handle_readyz(const HttpRequest&, Services& s) {
  const auto engine = s.engines.get();
  if (s.stopping.load()) return json_error(503, "shutting down");
  if (!engine || !s.store) return json_error(503, "starting");
  return {200,
          "application/json",
          R"({"status":"ready","rules":)" + std::to_string(engine->rules().rules().size()) + "}",
          {}};
}

HttpResponse handle_metrics(const HttpRequest&, Services& s) {
  return {200,
          "text/plain; version=0.0.4; charset=utf-8",
          s.metrics.render() + context_metrics(s.contexts.stats()),
          {}};
}

HttpResponse handle_openapi(const HttpRequest&, Services&) {
  for (const auto& f : generated::server_files())
    if (f.name == "openapi.json") return {200, "application/json", f.data, {}};
  return json_error(500, "openapi.json is not embedded");
}

HttpResponse handle_bench_ceiling(const HttpRequest&, Services&) {
  return {200, "application/json", R"({"ok":true})", {}};
}

}  // namespace tactful::server
