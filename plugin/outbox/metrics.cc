// The outbox's Prometheus series (text format 0.0.4), appended to the server's /metrics.
#include <sstream>

#include "tactful/outbox/outbox.h"

namespace tactful::outbox {

std::string Outbox::render_metrics() const {
  const Stats s = stats();
  std::ostringstream o;
  o << "# HELP tactful_outbox_pending Coaching notes waiting to be delivered (pending or in "
       "flight).\n# TYPE tactful_outbox_pending gauge\ntactful_outbox_pending "
    << s.pending << "\n"
    << "# HELP tactful_outbox_queued_total Notes added to the outbox.\n"
       "# TYPE tactful_outbox_queued_total counter\ntactful_outbox_queued_total "
    << s.queued << "\n"
    << "# HELP tactful_outbox_duplicates_total Notes enqueued again for the same source message "
       "(ignored).\n# TYPE tactful_outbox_duplicates_total counter\n"
       "tactful_outbox_duplicates_total "
    << s.duplicates << "\n"
    << "# HELP tactful_outbox_delivered_total Notes delivered, by how tactful learned it.\n"
       "# TYPE tactful_outbox_delivered_total counter\n"
       "tactful_outbox_delivered_total{via=\"post\"} "
    << s.delivered_posted << "\ntactful_outbox_delivered_total{via=\"reconciled\"} "
    << s.delivered_reconciled << "\n"
    << "# HELP tactful_outbox_retries_total Delivery rounds that ended in a retry.\n"
       "# TYPE tactful_outbox_retries_total counter\ntactful_outbox_retries_total "
    << s.retries << "\n"
    << "# HELP tactful_outbox_failed_total Notes recorded as failed, by reason.\n"
       "# TYPE tactful_outbox_failed_total counter\n"
       "tactful_outbox_failed_total{reason=\"rejected\"} "
    << s.failed_rejected << "\ntactful_outbox_failed_total{reason=\"gave_up\"} " << s.failed_gave_up
    << "\ntactful_outbox_failed_total{reason=\"unverifiable\"} " << s.failed_unverifiable << "\n";
  return o.str();
}

}  // namespace tactful::outbox
