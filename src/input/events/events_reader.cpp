// The streaming events reader. A file is read in blocks into one buffer; each
// record is first tried on a fast path that finds the delimiters and line ends
// 64 bytes at a time (special_bytes.hpp) and hands the fields to the row rules
// as views into the buffer, with no allocation. A record the fast path does
// not take as it is (quotes, a lone CR, a wrong number of fields, a blank
// line, bytes that are not UTF-8) is read again by the general CSV rules
// (read_csv_record), so both give the same fields and the same messages.
#include "input/events/events_reader.hpp"

#include <algorithm>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "input/events/event_rows.hpp"
#include "input/events/special_bytes.hpp"
#include "input/header.hpp"
#include "input/header_names.hpp"

namespace citfee {

namespace {

using events::EventColumns;
using events::EventRows;
using events::Problems;

constexpr std::size_t kPad = 64;  // readable bytes past the data: special_bytes loads 64
constexpr std::size_t kMaxRecord = kMaxCsvRecord;  // a longer record is a quote never closed

using citfee::all_empty;  // and, for a record as views:
bool all_empty(const std::string_view* fields, std::size_t n) {
  return std::all_of(fields, fields + n, [](std::string_view f) { return f.empty(); });
}

bool all_utf8(const std::string_view* fields, std::size_t n) {
  return std::all_of(fields, fields + n,
                     [](std::string_view f) { return find_invalid_utf8(f) == f.npos; });
}

enum class Step { kDone, kIncomplete };

// Line numbers are ints (Location): past INT_MAX lines (a log of some 60 GB)
// they stay at INT_MAX rather than overflow.
int add_lines(int line, std::int64_t more) {
  return static_cast<int>(std::min<std::int64_t>(line + more, std::numeric_limits<int>::max()));
}

// One stretch of a file, read front to back through its own buffer, into its
// own tally: the whole file, or a part of it given to a thread.
class Part {
 public:
  Part(ByteSource& source, const std::string& file, const EventContext& context,
       const EventReaderOptions& options)
      : source_(source),
        file_(file),
        context_(context),
        options_(options),
        tally_(context.new_tally()) {
    problems_.limit = options.max_problems;
    buffer_.resize(options.block_size + kPad);
  }

  // Reads the header at the start of the file; false when the rows cannot
  // be read (the problems are reported).
  bool read_header();
  // Takes the header read by the first part, and starts at `offset`, a line start.
  void start(const Part& first, std::uint64_t offset);
  // Reads every record that begins before `limit` (the last one to its end).
  void run(std::uint64_t limit);

  std::uint64_t position() const { return offset_ + begin_; }  // where the next record begins
  int line() const { return line_; }  // its line: counted from 1 at the start of the part
  EventTally& tally() { return tally_; }
  EventStats& stats() { return stats_; }
  Problems& problems() { return problems_; }

 private:
  bool fill();
  bool find_header_line();
  bool process(std::uint64_t limit);
  Step slow_record(std::size_t start, std::size_t& next);
  void prepare_rows();

  ByteSource& source_;
  const std::string& file_;
  const EventContext& context_;
  const EventReaderOptions& options_;
  EventTally tally_;
  EventStats stats_;
  Problems problems_;

  CsvTable shape_;  // file, delimiter and header, for the general row checks
  EventColumns columns_;
  std::unique_ptr<EventRows> rows_;
  std::vector<std::string_view> fields_;  // the current record, as views into the buffer
  std::vector<std::string_view> views_;   // the same, over a record the general reader read
  CsvRow row_;

  std::vector<char> buffer_;  // data in [begin_, end_), then kPad bytes to spare
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::uint64_t offset_ = 0;     // offset in the file of buffer_[0]
  std::uint64_t next_read_ = 0;  // offset in the file of the next byte to read
  bool eof_ = false;
  bool stopped_ = false;  // a record too long to hold: the rest cannot be read
  int line_ = 1;
};

// Moves the unread bytes to the front of the buffer and reads a block after
// them; false at the end of the input.
bool Part::fill() {
  if (eof_) return false;
  const std::size_t kept = end_ - begin_;
  if (kept > kMaxRecord) {
    problems_.add({file_, line_, 0},
                  fmt::format("a row runs on for more than {} bytes: a quoted field is "
                              "probably never closed: add the closing quote (\")",
                              kMaxRecord));
    stopped_ = true;
    return false;
  }
  std::memmove(buffer_.data(), buffer_.data() + begin_, kept);
  offset_ += begin_;
  begin_ = 0;
  end_ = kept;
  if (buffer_.size() < kept + options_.block_size + kPad)
    buffer_.resize(kept + options_.block_size + kPad);
  const std::size_t got = source_.read_at(next_read_, buffer_.data() + end_, options_.block_size);
  next_read_ += got;
  end_ += got;
  if (got == 0) eof_ = true;
  return true;
}

// Whether the buffer holds the whole first line that is not blank, which
// the delimiter is told from (as parse_csv does, quotes respected).
bool Part::find_header_line() {
  const std::string_view text(buffer_.data() + begin_, end_ - begin_);
  const std::size_t start = text.find_first_not_of("\r\n");
  if (start == std::string_view::npos) return false;
  bool quoted = false;
  for (std::size_t i = start; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (!quoted && (text[i] == '\n' || text[i] == '\r')) return true;
  }
  return false;
}

bool Part::read_header() {
  while (end_ < kBom.size() && fill()) {
  }
  if (std::string_view(buffer_.data(), end_).substr(0, kBom.size()) == kBom) begin_ = kBom.size();
  while (!find_header_line() && fill()) {
  }
  if (stopped_) return false;
  const std::string_view text(buffer_.data() + begin_, end_ - begin_);
  const std::size_t start = text.find_first_not_of("\r\n");
  shape_.file = file_;
  shape_.delimiter = detect_delimiter(start == std::string_view::npos ? "" : text.substr(start));
  // The header is the first record that is not blank and has no problem.
  while (true) {
    std::size_t pos = begin_;
    int line = line_;
    Diagnostics found;
    const std::string_view all(buffer_.data(), end_);
    const auto status =
        begin_ < end_ ? read_csv_record(all, eof_, shape_.delimiter, file_, pos, line, row_, found)
                      : CsvRecordStatus::kIncomplete;
    if (status == CsvRecordStatus::kIncomplete) {
      if (fill()) continue;
      if (stopped_) return false;
      break;  // no header at all
    }
    begin_ = pos;
    line_ = line;
    for (Diagnostic& d : found.errors) problems_.add(std::move(d.where), std::move(d.message));
    if (status == CsvRecordStatus::kBad || all_empty(row_.fields)) continue;
    // The general UTF-8 check, on a table shaped like this very row.
    CsvTable like_row = shape_;
    like_row.header.resize(row_.fields.size());
    if (!check_csv_row(like_row, row_, problems_.diag)) continue;
    shape_.header_line = row_.line;
    for (const std::string& name : row_.fields) shape_.header.push_back(lower_trimmed(name));
    apply_header_names(shape_, problems_.diag);  // as parse_csv: check_header follows
    break;
  }
  if (!events::event_columns(shape_, columns_, problems_.diag)) return false;
  prepare_rows();
  return true;
}

void Part::start(const Part& first, std::uint64_t offset) {
  shape_ = first.shape_;
  columns_ = first.columns_;
  offset_ = next_read_ = offset;
  prepare_rows();
}

void Part::prepare_rows() {
  rows_ = std::make_unique<EventRows>(context_, columns_, file_, tally_, stats_, problems_);
  fields_.assign(shape_.header.size(), {});
}

void Part::run(std::uint64_t limit) {
  while (!process(limit) && fill()) {
  }
}

// Takes the whole records in the buffer that begin before `limit`. False
// when one is cut by the end of the buffer: read more, then call again.
//
// The hot loop: its state is kept in locals (registers), and a record the
// fast path does not take as it is goes to slow_record.
bool Part::process(std::uint64_t limit) {
  if (stopped_ || !rows_) return true;
  const char* const data = buffer_.data();
  const std::size_t end = end_;
  const char delimiter = shape_.delimiter;
  std::string_view* const fields = fields_.data();
  const std::size_t last = fields_.size() - 1;
  const std::size_t stop = limit - offset_ < end ? static_cast<std::size_t>(limit - offset_) : end;
  events::SpecialBytes scan(data, end, delimiter);
  std::size_t pos = begin_;
  scan.seek(pos);
  constexpr std::size_t kNone = SIZE_MAX;
  while (pos < stop) {
    // Fields end at the delimiters; the record at LF or CRLF. A field may be
    // quoted, "like this", if nothing inside needs the general rules.
    std::size_t field = pos;        // where the current field's value begins
    std::size_t quote_end = kNone;  // its closing quote, if it was quoted
    std::size_t column = 0;
    bool multibyte = false;
    bool slow = false;
    std::size_t at;
    std::size_t next;
    // Stores the field ended by the byte at `at`; false when text follows
    // its closing quote (the general rules report that).
    const auto close_field = [&](std::size_t at) {
      if (quote_end == kNone) {
        fields[column] = {data + field, at - field};
        return true;
      }
      fields[column] = {data + field, quote_end - field};
      const bool right_after = at == quote_end + 1;
      quote_end = kNone;
      return right_after;
    };
    while (true) {
      at = scan.next();
      if (at == end) {
        if (!eof_) {
          begin_ = pos;
          return false;  // cut: read on
        }
        next = end;
        break;
      }
      const char c = data[at];
      if (c == delimiter) {
        if (column == last || !close_field(at)) {  // too many fields, or text after a quote
          slow = true;
          break;
        }
        ++column;
        field = at + 1;
      } else if (c == '\n') {
        next = at + 1;
        break;
      } else if (c == '\r') {
        if (at + 1 == end && !eof_) {  // perhaps the CR of a CRLF
          begin_ = pos;
          return false;
        }
        if (at + 1 < end && data[at + 1] != '\n') {  // a lone CR: a line end too, rare
          slow = true;
          break;
        }
        if (at + 1 < end) scan.next();  // the LF
        next = std::min(at + 2, end);
        break;
      } else if (c == '"') {
        // Only an opening quote, at the start of a field, and the closing
        // one as the next special byte (none of , " CR LF inside).
        std::size_t close = at == field && quote_end == kNone ? scan.next() : kNone;
        while (close < end && static_cast<unsigned char>(data[close]) >= 0x80) {
          multibyte = true;
          close = scan.next();
        }
        if (close == end && !eof_) {
          begin_ = pos;
          return false;
        }
        if (close >= end || data[close] != '"') {
          slow = true;
          break;
        }
        field = at + 1;
        quote_end = close;
      } else if (static_cast<unsigned char>(c) >= 0x80) {
        multibyte = true;  // checked below
      } else if (c != '\t') {
        slow = true;  // a control character: the general rules refuse it
        break;
      }
    }
    if (!slow) {
      // Too few fields (a blank line too), or bytes that are not UTF-8.
      slow = !close_field(at) || column != last || (multibyte && !all_utf8(fields, last + 1));
    }
    if (slow) {
      if (slow_record(pos, next) == Step::kIncomplete) {
        begin_ = pos;
        return false;
      }
      scan.seek(next);
    } else {
      // A blank line with delimiters (",,") is no row, as for parse_csv.
      if (!fields[0].empty() || !all_empty(fields, last + 1)) rows_->take(fields, line_);
      line_ = add_lines(line_, 1);
    }
    pos = next;
  }
  begin_ = pos;
  return position() >= limit || (begin_ == end_ && eof_);
}

// One record by the general CSV rules.
Step Part::slow_record(std::size_t start, std::size_t& next) {
  const std::string_view text(buffer_.data(), end_);
  std::size_t pos = start;
  int line = line_;
  Diagnostics found;
  const CsvRecordStatus status =
      read_csv_record(text, eof_, shape_.delimiter, file_, pos, line, row_, found);
  if (status == CsvRecordStatus::kIncomplete) return Step::kIncomplete;
  for (Diagnostic& d : found.errors) problems_.add(std::move(d.where), std::move(d.message));
  if (status == CsvRecordStatus::kOk && !all_empty(row_.fields)) {
    Diagnostics shape;
    if (check_csv_row(shape_, row_, shape)) {
      views_.assign(row_.fields.begin(), row_.fields.end());
      rows_->take_checked(views_.data(), row_.line);  // not in the buffer: no reading past them
    }
    for (Diagnostic& d : shape.errors) problems_.add(std::move(d.where), std::move(d.message));
  }
  line_ = line;
  next = pos;
  return Step::kDone;
}

unsigned thread_count(const EventReaderOptions& options) {
  if (options.threads) return options.threads;
  return std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
}

// The first line start at or after `offset`, by the bytes alone (a line end
// inside a quoted field would fool it: the reader checks, see read_events);
// none within a MiB or before `end`: 0.
std::uint64_t line_start_after(ByteSource& source, std::uint64_t offset, std::uint64_t end) {
  std::vector<char> window(64 * 1024);
  for (std::uint64_t at = offset; at < end && at < offset + kMaxRecord;) {
    const std::size_t got = source.read_at(at, window.data(), window.size());
    if (got == 0) break;
    const void* lf = std::memchr(window.data(), '\n', got);
    if (lf) {
      const std::uint64_t start =
          at + static_cast<std::uint64_t>(static_cast<const char*>(lf) - window.data()) + 1;
      return start < end ? start : 0;
    }
    at += got;
  }
  return 0;
}

// Where the parts begin: the first after the header, each other at a line
// start near an equal share of the rest.
std::vector<std::uint64_t> part_starts(ByteSource& source, std::uint64_t first,
                                       const EventReaderOptions& options) {
  std::vector<std::uint64_t> starts{first};
  const std::optional<std::uint64_t> size = source.size();
  if (!size || *size <= first) return starts;
  const std::uint64_t rest = *size - first;
  const std::uint64_t parts = std::min<std::uint64_t>(
      thread_count(options), rest / std::max<std::uint64_t>(options.min_part, 1));
  for (std::uint64_t k = 1; k < parts; ++k) {
    const std::uint64_t start = line_start_after(source, first + rest * k / parts, *size);
    if (start > starts.back()) starts.push_back(start);
  }
  return starts;
}

}  // namespace

void read_events(ByteSource& source, const std::string& file, const EventContext& context,
                 EventTally& tally, EventStats& stats, Diagnostics& diag,
                 const EventReaderOptions& options) {
  std::vector<std::unique_ptr<Part>> parts;
  parts.push_back(std::make_unique<Part>(source, file, context, options));
  const bool readable = parts[0]->read_header();
  std::vector<std::uint64_t> starts;
  if (readable) starts = part_starts(source, parts[0]->position(), options);
  const auto limit_of = [&](std::size_t k) {
    return k + 1 < starts.size() ? starts[k + 1] : std::numeric_limits<std::uint64_t>::max();
  };
  if (readable) {
    for (std::size_t k = 1; k < starts.size(); ++k) {
      parts.push_back(std::make_unique<Part>(source, file, context, options));
      parts[k]->start(*parts[0], starts[k]);
    }
    std::vector<std::exception_ptr> failures(starts.size());
    std::vector<std::thread> threads;
    for (std::size_t k = 1; k < starts.size(); ++k) {
      threads.emplace_back([&, k] {
        try {
          parts[k]->run(limit_of(k));
        } catch (...) {
          failures[k] = std::current_exception();
        }
      });
    }
    try {
      parts[0]->run(limit_of(0));
    } catch (...) {
      failures[0] = std::current_exception();
    }
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& f : failures) {
      if (f) std::rethrow_exception(f);
    }
  }
  // A part is good when the one before ended exactly where it began: its
  // first byte did start a record. Otherwise (a quoted field held the line
  // end it began after) the part before reads on to the end instead.
  std::size_t good = 1;
  while (good < starts.size() && parts[good - 1]->position() == starts[good]) ++good;
  if (good < starts.size()) parts[good - 1]->run(std::numeric_limits<std::uint64_t>::max());
  // Put the parts together in order; their lines were counted from 1.
  int line_base = 0;  // lines before the part
  std::size_t kept = 0;
  std::int64_t dropped = 0;
  for (std::size_t k = 0; k < good; ++k) {
    Part& part = *parts[k];
    tally.merge(part.tally());
    stats.add(part.stats());
    for (Diagnostic& d : part.problems().diag.errors) {
      if (d.where.line > 0) d.where.line = add_lines(d.where.line, line_base);
      if (kept < options.max_problems) {
        diag.errors.push_back(std::move(d));
        ++kept;
      } else {
        ++dropped;
      }
    }
    dropped += part.problems().dropped;
    line_base = add_lines(line_base, part.line() - 1);
  }
  if (dropped > 0) {
    diag.error({file, 0, 0},
               fmt::format("{} more problem(s) in this file, not shown: correct the ones above and "
                           "check again",
                           dropped));
  }
}

}  // namespace citfee
