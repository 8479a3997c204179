// The agent widget's files at /widget/ (built from plugin/web/widget by npm at build time and
// embedded). The script is meant to be loaded by helpdesk pages of other origins, so it says so
// (Cross-Origin-Resource-Policy), and it is revalidated on every load so an upgraded server's
// widget is picked up at once. The helpdesk app pages (*.html: the Chatwoot dashboard app, the
// Front plugin) may be framed only by the configured widget.frame_origins — the browser enforces
// it through frame-ancestors — and are told those origins, against which they check the sender
// of every message they receive.
#include <vector>

#include "handlers.h"
#include "services.h"
#include "static_files.h"
#include "tactful/embedded.h"

namespace tactful::generated {
const std::vector<tactful::EmbeddedFile>& widget_files();
}

namespace tactful::server {
namespace {

constexpr std::string_view kOriginsMeta = R"(<meta name="tactful-frame-origins" content="">)";

// The origins are validated at load (scheme, host, port: no quote, space or angle bracket), so
// they go into the attribute and the header as they are.
std::string joined(const std::vector<std::string>& origins) {
  std::string out;
  for (const auto& o : origins) out += (out.empty() ? "" : " ") + o;
  return out;
}

HttpResponse app_page(const std::string& html, const Config& config) {
  const std::string origins = joined(config.widget.frame_origins);
  std::string body = html;
  if (const auto at = body.find(kOriginsMeta); at != std::string::npos)
    body.replace(at, kOriginsMeta.size(),
                 R"(<meta name="tactful-frame-origins" content=")" + origins + R"(">)");
  HttpResponse res{200, "text/html; charset=utf-8", std::move(body), {}};
  res.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'" +
                               (origins.empty() ? std::string() : " " + origins));
  res.headers.emplace_back("Referrer-Policy", "no-referrer");
  return res;
}

}  // namespace

HttpResponse handle_widget(const HttpRequest& req, Services& s) {
  const std::string_view rest = req.path.substr(std::string_view("/widget/").size());
  const auto rel = safe_relative_path(rest);
  if (rel)
    for (const auto& f : generated::widget_files())
      if (f.name == *rel) {
        const bool page = rel->ends_with(".html");
        HttpResponse res =
            page ? app_page(f.data, s.config)
                 : HttpResponse{200, std::string(content_type_for(f.name)), f.data, {}};
        res.headers.emplace_back("Cache-Control", "no-cache");
        res.headers.emplace_back("X-Content-Type-Options", "nosniff");
        if (!page) res.headers.emplace_back("Cross-Origin-Resource-Policy", "cross-origin");
        return res;
      }
  return json_error(404, "no file " + std::string(req.path.substr(0, 200)));
}

}  // namespace tactful::server
