#include "display/model/wrap.hpp"

#include <algorithm>
#include <cstddef>

namespace witryna::display {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// Bytes in the UTF-8 sequence starting with `lead` (1 for a stray byte).
std::size_t sequence_length(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  if ((b & 0xE0) == 0xC0) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0) return 4;
  return 1;
}

// Cuts a word too wide for any line into pieces that fit, each at least one
// code point.
void cut_word(std::string_view word, float width, const MeasureText& measure,
              std::vector<std::string_view>& out) {
  while (!word.empty()) {
    std::size_t fit = std::min(sequence_length(word[0]), word.size());
    while (fit < word.size()) {
      const std::size_t next = std::min(fit + sequence_length(word[fit]), word.size());
      if (measure(word.substr(0, next)) > width) break;
      fit = next;
    }
    if (fit == word.size()) {  // the rest fits: it starts the next line
      out.push_back(word);
      return;
    }
    out.push_back(word.substr(0, fit));
    word.remove_prefix(fit);
  }
}

// A lone "·" between two parts of a line ("Linen dress  ·  PLN 89.99"): at a
// break the line break separates them, so the dot is dropped rather than left
// hanging at a line's end.
bool is_separator(std::string_view word) {
  return word == "\u00B7";
}

struct Word {
  std::size_t start;
  std::size_t end;
};

std::vector<Word> words_of(std::string_view para) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (true) {
    while (i < para.size() && is_blank(para[i]))
      ++i;
    if (i == para.size()) return out;  // trailing blanks are not drawn
    const std::size_t start = i;
    while (i < para.size() && !is_blank(para[i]))
      ++i;
    out.push_back({start, i});
  }
}

void wrap_paragraph(std::string_view para, float width, const MeasureText& measure,
                    std::vector<std::string_view>& out) {
  if (width <= 0 || para.empty()) {
    out.push_back(para);
    return;
  }
  const auto words = words_of(para);
  std::size_t line_start = 0;
  std::size_t line_end = 0;  // end of the last word on the line; == line_start: none yet
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view word = para.substr(words[w].start, words[w].end - words[w].start);
    // A separator goes on the line only together with the word after it.
    const bool separator = is_separator(word) && line_end > line_start && w + 1 < words.size();
    const std::size_t unit_end = separator ? words[w + 1].end : words[w].end;
    if (measure(para.substr(line_start, unit_end - line_start)) <= width) {
      line_end = unit_end;
      if (separator) ++w;
      continue;
    }
    if (line_end > line_start) out.push_back(para.substr(line_start, line_end - line_start));
    std::size_t start = words[w].start;
    if (separator) start = words[++w].start;  // the break replaces the separator
    const std::size_t end = words[w].end;
    const std::string_view next = para.substr(start, end - start);
    if (measure(next) <= width) {
      line_start = start;
      line_end = end;
      continue;
    }
    cut_word(next, width, measure, out);
    // The word's last piece carries on as the current line.
    const std::string_view last = out.back();
    out.pop_back();
    line_start = static_cast<std::size_t>(last.data() - para.data());
    line_end = end;
  }
  out.push_back(para.substr(line_start, line_end - line_start));
}

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, float width,
                                         const MeasureText& measure) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    wrap_paragraph(text.substr(start, nl == std::string_view::npos ? text.npos : nl - start), width,
                   measure, out);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace witryna::display
