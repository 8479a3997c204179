// Turning the markup helpdesks send (HTML, Markdown) into the plain text core analyses.
#pragma once

#include <string>
#include <string_view>

namespace tactful::webhooks {

// HTML to plain text: tags removed, <script>/<style>/comments dropped with their content,
// entities decoded (named ones in common use, &#NN; and &#xHH;), <br> and block ends
// (</p>, </div>, </li>, headings, ...) become newlines, other whitespace runs collapse to one
// space, at most one blank line in a row, trimmed; link text is kept. A '<' that does not start
// a tag ("a < b", "<3") is kept as text. Linear time on any input; output is valid UTF-8.
std::string html_to_text(std::string_view html);

// Markdown (as Chatwoot's editor stores it) to plain text: links and images become their text,
// emphasis/strong/code markers and heading/quote prefixes are removed, backslash escapes are
// resolved, hard-break backslashes dropped. Everything else is kept. Linear time; valid UTF-8.
std::string markdown_to_text(std::string_view markdown);

// Replaces invalid UTF-8 sequences with U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace tactful::webhooks
