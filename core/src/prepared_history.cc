// PreparedHistory: the customer reading and the agent's words of a history, built once.
#include "tactful/prepared_history.h"

#include "prepared_data.h"

namespace tactful {

namespace {

std::unique_ptr<const PreparedHistoryData> prepare(std::span<const Message> history) {
  auto data = std::make_unique<PreparedHistoryData>();
  data->reading = customer::read_history(history);
  data->agent = agent_grams(history);
  data->shape.reserve(history.size());
  for (const Message& m : history) data->shape.push_back({m.role, m.text.size()});
  return data;
}

}  // namespace

PreparedHistory::PreparedHistory(std::span<const Message> history) : data_(prepare(history)) {}
PreparedHistory::~PreparedHistory() = default;
PreparedHistory::PreparedHistory(PreparedHistory&&) noexcept = default;
PreparedHistory& PreparedHistory::operator=(PreparedHistory&&) noexcept = default;

std::size_t PreparedHistory::memory_bytes() const {
  const PreparedHistoryData& d = *data_;
  std::size_t n = sizeof(PreparedHistoryData) + d.shape.capacity() * sizeof(d.shape[0]) +
                  d.reading.picked.capacity() * sizeof(std::size_t) +
                  d.reading.unanswered.capacity() + d.reading.unaddressed.capacity();
  for (const Intent& i : d.reading.signals.intents) n += sizeof(Intent) + i.id.capacity();
  if (d.agent) n += d.agent->memory_bytes();
  return n;
}

bool PreparedHistory::fits(std::span<const Message> history) const {
  const auto& shape = data_->shape;
  if (shape.size() != history.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i)
    if (shape[i].role != history[i].role || shape[i].bytes != history[i].text.size()) return false;
  return true;
}

}  // namespace tactful
