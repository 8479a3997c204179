// Serving static files safely.
#include "static_files.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "tactful/adapters/lt_form.h"
#include "tactful/embedded.h"

namespace tactful::generated {
const std::vector<tactful::EmbeddedFile>& demo_files();
}

namespace tactful::server {

namespace fs = std::filesystem;

std::optional<std::string> safe_relative_path(std::string_view url_path) {
  const std::string decoded = lt::percent_decode(url_path, /*plus_is_space=*/false);
  if (decoded.empty() || decoded.size() > 1024) return std::nullopt;
  std::string out;
  std::size_t pos = 0;
  while (pos <= decoded.size()) {
    std::size_t slash = decoded.find('/', pos);
    if (slash == std::string::npos) slash = decoded.size();
    const std::string_view seg = std::string_view(decoded).substr(pos, slash - pos);
    pos = slash + 1;
    if (seg.empty() || seg.front() == '.') return std::nullopt;  // "", ".", "..", hidden
    for (unsigned char c : seg)
      if (c < 0x20 || c == 0x7F || c == '\\' || c == ':') return std::nullopt;
    if (!out.empty()) out.push_back('/');
    out.append(seg);
  }
  return out;
}

std::string_view content_type_for(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".webp", "image/webp"},
  }};
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext(name.substr(dot));
    for (char& c : ext)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const auto& [e, type] : kTypes)
      if (ext == e) return type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string dir) {
  if (dir.empty()) return;
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  root_ = ec ? dir : canonical.string();
}

std::optional<StaticFile> StaticFiles::find(std::string_view url_path) const {
  const std::string_view wanted = url_path.empty() ? "index.html" : url_path;
  const auto rel = safe_relative_path(wanted);
  if (!rel) return std::nullopt;
  if (root_.empty()) {
    for (const auto& f : generated::demo_files())
      if (f.name == *rel) return StaticFile{f.data, content_type_for(f.name)};
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path real = fs::canonical(fs::path(root_) / *rel, ec);
  if (ec || !fs::is_regular_file(real, ec)) return std::nullopt;
  const std::string r = real.string();
  if (r.size() <= root_.size() || r.compare(0, root_.size(), root_) != 0 || r[root_.size()] != '/')
    return std::nullopt;  // a symlink pointing outside the root
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  return StaticFile{buf.str(), content_type_for(r)};
}

}  // namespace tactful::server
