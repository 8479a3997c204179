// Static files: the demo page embedded in the binary, or a directory given in the config.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tactful::server {

// Turns a URL path (below the static root, percent-encoded) into a safe relative file path, or
// nullopt: refuses "..", ".", empty and hidden segments, backslashes, NUL and control bytes,
// and anything that decodes to those, so no request can name a file outside the root.
std::optional<std::string> safe_relative_path(std::string_view url_path);

// The Content-Type for a file name, by extension (application/octet-stream if unknown).
std::string_view content_type_for(std::string_view name);

struct StaticFile {
  std::string body;
  std::string_view content_type;
};

// Serves files from `dir` when set, else from the embedded demo files. A directory root is
// resolved with symlinks, and a file whose real path leaves it is refused.
class StaticFiles {
 public:
  explicit StaticFiles(std::string dir);
  // `url_path` is what follows "/static/" ("" means index.html).
  std::optional<StaticFile> find(std::string_view url_path) const;

 private:
  std::string root_;  // canonical directory, or "" for embedded
};

}  // namespace tactful::server
