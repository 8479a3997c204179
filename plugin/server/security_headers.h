// The headers every response carries so that browsers treat tactful's pages and data safely.
#pragma once

#include "http_types.h"

namespace tactful::server {

// Adds what the handler did not set itself: X-Content-Type-Options: nosniff and
// Referrer-Policy: no-referrer on everything; on HTML pages a Content-Security-Policy that
// allows scripts, styles and connections only from this server (no inline code) and no framing,
// plus X-Frame-Options: DENY for browsers without frame-ancestors — a page that set its own
// policy (the widget's app pages, framed by widget.frame_origins) keeps it and gets no
// X-Frame-Options; on everything else that did not set a Cache-Control (API JSON, LanguageTool
// text, errors, metrics) Cache-Control: no-store, so no proxy or browser cache keeps drafts,
// reports or admin data.
void add_security_headers(HttpResponse& res);

}  // namespace tactful::server
