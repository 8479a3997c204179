// Merging stored and sent history.
#include "history_merge.h"

#include <algorithm>
#include <string_view>

namespace tactful::server {
namespace {

std::string_view trimmed(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool same(const Message& a, const Message& b) {
  return a.role == b.role && trimmed(a.text) == trimmed(b.text);
}

}  // namespace

std::vector<Message> merge_history(const std::vector<StoredMessage>& stored,
                                   std::vector<Message> request, std::size_t max,
                                   std::size_t& dropped) {
  std::vector<Message> merged;
  merged.reserve(stored.size() + request.size());
  for (const StoredMessage& m : stored)
    if (!m.private_note) merged.push_back(m.to_message());
  const std::size_t from_store = merged.size();
  for (Message& m : request) {
    const auto first = merged.begin(), last = merged.begin() + static_cast<long>(from_store);
    if (std::none_of(first, last, [&](const Message& s) { return same(s, m); }))
      merged.push_back(std::move(m));
  }
  if (std::all_of(merged.begin(), merged.end(), [](const Message& m) { return m.at.has_value(); }))
    std::stable_sort(merged.begin(), merged.end(),
                     [](const Message& a, const Message& b) { return *a.at < *b.at; });
  dropped = merged.size() > max ? merged.size() - max : 0;
  if (dropped) merged.erase(merged.begin(), merged.begin() + static_cast<long>(dropped));
  return merged;
}

}  // namespace tactful::server
