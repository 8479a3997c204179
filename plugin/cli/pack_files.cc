#include "pack_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace tactful::cli {

namespace fs = std::filesystem;

Result<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Error{path + ": is a directory"};
  const auto size = fs::file_size(path, ec);
  if (ec) return Error{path + ": " + ec.message()};
  if (size > max_bytes)
    return Error{path + ": " + std::to_string(size) + " bytes is over the limit of " +
                 std::to_string(max_bytes)};
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open"};
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Result<std::vector<std::string>> list_files(const std::string& path, const std::string& extension) {
  std::error_code ec;
  std::vector<std::string> out;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == extension)
        out.push_back(entry.path().string());
    }
    if (ec) return Error{path + ": " + ec.message()};
    std::sort(out.begin(), out.end());
  } else if (fs::exists(path, ec)) {
    out.push_back(path);
  } else {
    return Error{path + ": no such file or directory"};
  }
  return out;
}

Result<std::vector<PackSource>> read_packs(const std::vector<std::string>& paths) {
  std::vector<PackSource> packs;
  for (const auto& p : paths) {
    auto files = list_files(p, ".json");
    if (!files.ok()) return files.error();
    for (const auto& f : *files) {
      auto text = read_file(f);
      if (!text.ok()) return text.error();
      packs.push_back({fs::path(f).filename().string(), std::move(text).value()});
    }
  }
  return packs;
}

Result<std::shared_ptr<const RuleSet>> load_rule_set(const std::vector<std::string>& extra,
                                                     bool builtin) {
  auto packs = read_packs(extra);
  if (!packs.ok()) return packs.error();
  std::vector<Rule> rules;
  std::vector<MarkerSet> markers;
  auto add = [&](const PackSource& source) -> std::optional<Error> {
    auto pack = parse_pack(source);
    if (!pack.ok()) return pack.error();
    for (auto& r : pack->rules) rules.push_back(std::move(r));
    for (auto& m : pack->markers) markers.push_back(std::move(m));
    return std::nullopt;
  };
  if (builtin)
    for (const auto& source : builtin_packs())
      if (auto e = add(source)) return *e;
  for (const auto& source : *packs)
    if (auto e = add(source)) return *e;
  if (!builtin) {
    // Admin packs may name the built-in marker sets (apology, empathy, ...) without copying them.
    std::set<std::string> defined;
    for (const auto& m : markers) defined.insert(m.id);
    for (const auto& source : builtin_packs()) {
      auto pack = parse_pack(source);
      if (!pack.ok()) continue;
      for (auto& m : pack->markers)
        if (defined.insert(m.id).second) markers.push_back(std::move(m));
    }
  }
  return RuleSet::compile(std::move(rules), std::move(markers));
}

}  // namespace tactful::cli
