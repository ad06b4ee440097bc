// Lays a Statement out on A4 pages. Each block either fits below the current
// line or moves to a new page; the detail table moves row by row and repeats
// its header. A layout first runs dry to count its pages ("Pagina 1 di 3").
// Every word besides the statement's detail comes from letter_words: the
// layout decides where words go, never what they say.
#include "output/statement_pdf.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "output/pdf_canvas.hpp"
#include "version.hpp"

namespace citfee {

namespace {

constexpr double kMargin = 56.7;  // 20 mm
constexpr double kLeft = kMargin;
constexpr double kRight = PdfCanvas::kWidth - kMargin;
constexpr double kWidth = kRight - kLeft;
constexpr double kTop = 50;
constexpr double kFooter = PdfCanvas::kHeight - 56;  // the rule above the footer
constexpr double kBottom = kFooter - 16;             // content ends above it
constexpr double kPadX = 4;                          // inside table cells
constexpr double kPadY = 3.5;
constexpr double kRecipientX = kLeft + 240;  // where the addressee's block begins

constexpr Color kInk{0.1, 0.1, 0.1};
constexpr Color kAccent{0.09, 0.25, 0.45};
constexpr Color kMuted{0.4, 0.4, 0.4};
constexpr Color kRule{0.78, 0.78, 0.78};
constexpr Color kShade{0.92, 0.94, 0.97};
constexpr Color kPanel{0.965, 0.965, 0.965};
constexpr Color kDraftMark{0.85, 0.1, 0.1};  // drawn translucent
constexpr Color kDraftInk{0.75, 0.1, 0.1};

TextStyle style(double size, bool bold = false, Color color = kInk, Align align = Align::kLeft) {
  return {size, bold, color, align, false};
}

TextStyle paragraph_style() {
  TextStyle s = style(9.5);
  s.justify = true;
  return s;
}

class Layout {
 public:
  Layout(PdfCanvas& canvas, const Statement& s, int total_pages)
      : c_(canvas), s_(s), w_(letter_words(s)), total_pages_(total_pages) {}

  // Draws the statement; returns the number of pages it took.
  int draw() {
    start_page();
    letterhead();
    addresses();
    subject();
    detail();
    notes();
    total();
    payment();
    end_page();
    return page_;
  }

 private:
  // Runs `block` dry and says how tall it is.
  template <typename Block>
  double measure(Block block) {
    const bool was_dry = c_.dry();
    const double top = y_;
    c_.set_dry(true);
    block();
    c_.set_dry(was_dry);
    const double height = y_ - top;
    y_ = top;
    return height;
  }

  // Draws `block` where it fits whole: here, or at the top of a new page.
  template <typename Block>
  void keep_together(Block block) {
    if (y_ + measure(block) > kBottom) new_page();
    block();
  }

  void start_page() {
    ++page_;
    y_ = kTop;
    footer();
    if (page_ > 1) running_head();
  }

  void end_page() {
    if (!w_.draft_mark.empty()) c_.watermark(w_.draft_mark, kDraftMark);
    c_.show_page();
  }

  void new_page() {
    end_page();
    start_page();
  }

  // Every page says which statement it belongs to: printed together, the
  // pages of many statements stay sorted.
  void footer() {
    c_.line(kLeft, kFooter, kRight, kFooter, 0.5, kRule);
    c_.text(page_words(page_, total_pages_), style(7.5, false, kMuted, Align::kRight), kRight - 80,
            kFooter + 5, 80);
    double y = kFooter + 5;
    y += c_.text(w_.footer_letter, style(7.5, false, kMuted), kLeft, y, kWidth - 90);
    y += c_.text(w_.footer_issuer, style(7, false, kMuted), kLeft, y, kWidth - 90);
    if (!w_.draft_notice.empty()) {
      c_.text(w_.draft_notice, style(7.5, true, kDraftInk), kLeft, y, kWidth - 90);
    }
  }

  // On the pages after the first: who writes, and about what.
  void running_head() {
    const double half = kWidth / 2;
    const double left = c_.text(w_.running_head_left, style(8, true, kAccent), kLeft, y_, half);
    const double right = c_.text(w_.running_head_right, style(8, false, kMuted, Align::kRight),
                                 kLeft + half, y_, half);
    y_ += std::max(left, right) + 4;
    c_.line(kLeft, y_, kRight, y_, 0.5, kRule);
    y_ += 14;
  }

  void letterhead() {
    y_ += c_.text(w_.issuer_name, style(16, true, kAccent), kLeft, y_, kWidth);
    if (!w_.issuer_office.empty()) {
      y_ += c_.text(w_.issuer_office, style(10.5, false, kAccent), kLeft, y_, kWidth);
    }
    y_ += 3;
    y_ += c_.text(w_.issuer_address, style(8.5, false, kMuted), kLeft, y_, kWidth);
    y_ += c_.text(w_.issuer_codes, style(8.5, false, kMuted), kLeft, y_, kWidth);
    y_ += 8;
    c_.line(kLeft, y_, kRight, y_, 1.2, kAccent);
    y_ += 26;
  }

  double labelled(const LabelledValue& v, double y) {
    const double width = kRecipientX - kLeft - 20;
    y += c_.text(v.label, style(7.5, false, kMuted), kLeft, y, width);
    return y + c_.text(v.value, style(10, v.strong), kLeft, y, width);
  }

  void addresses() {
    double left = y_;
    for (std::size_t i = 0; i < w_.marks.size(); ++i) {
      left = labelled(w_.marks[i], left) + (i + 1 < w_.marks.size() ? 8 : 0);
    }
    const double width = kRight - kRecipientX;
    double right = y_;
    right += c_.text(w_.addressee_label, style(8.5, false, kMuted), kRecipientX, right, width);
    // A long name gets a smaller size before it has to wrap.
    TextStyle name = style(11, true);
    const double natural = c_.natural_width(w_.addressee, name);
    if (natural > width) name.size = std::max(8.5, name.size * width / natural);
    right += c_.text(w_.addressee, name, kRecipientX, right, width) + 2;
    // A long line, such as a PEC address, gets a smaller size before it has to wrap.
    for (const auto& line : w_.addressee_lines) {
      TextStyle small = style(9);
      const double wide = c_.natural_width(line, small);
      if (wide > width) small.size = std::max(7.0, small.size * width / wide);
      right += c_.text(line, small, kRecipientX, right, width);
    }
    y_ = std::max(left, right) + 26;
  }

  void subject() {
    y_ += c_.text(w_.subject, style(11, true), kLeft, y_, kWidth) + 10;
    for (const auto& p : s_.opening) paragraph(p);
    y_ += 6;
  }

  void paragraph(const std::string& text) {
    keep_together([&] { y_ += c_.text(text, paragraph_style(), kLeft, y_, kWidth) + 6; });
  }

  // Left edge and width of a column, from the columns' shares of the width.
  std::pair<double, double> column_span(std::size_t index) const {
    int before = 0;
    for (std::size_t i = 0; i < index; ++i) before += s_.columns[i].width;
    return {kLeft + kWidth * before / 100.0, kWidth * s_.columns[index].width / 100.0};
  }

  // Draws one row of cells at y_ (or only measures it, when dry); returns its height.
  double cells(const std::vector<std::string>& texts, double size, bool bold) {
    double height = 0;
    for (std::size_t i = 0; i < s_.columns.size() && i < texts.size(); ++i) {
      const auto [x, width] = column_span(i);
      const TextStyle st = style(size, bold, kInk, s_.columns[i].align);
      height = std::max(height, c_.text(texts[i], st, x + kPadX, y_ + kPadY, width - 2 * kPadX));
    }
    return height + 2 * kPadY;
  }

  void table_header() {
    std::vector<std::string> headers;
    for (const auto& col : s_.columns) headers.push_back(col.header);
    const double height = measure([&] { y_ += cells(headers, 8, true); });
    c_.fill(kLeft, y_, kWidth, height, kShade);
    cells(headers, 8, true);
    y_ += height;
  }

  void row(const DetailRow& r) {
    if (r.result) c_.line(kLeft, y_, kRight, y_, 0.8, kInk);
    y_ += cells(r.cells, 8.5, r.result);
    if (!r.result) c_.line(kLeft, y_, kRight, y_, 0.4, kRule);
  }

  void detail() {
    if (s_.rows.empty()) {
      paragraph(s_.no_rows);
      return;
    }
    // The header never stands alone at the foot of a page.
    keep_together([&] {
      table_header();
      row(s_.rows.front());
    });
    for (std::size_t i = 1; i < s_.rows.size(); ++i) {
      const double height = measure([&] { row(s_.rows[i]); });
      if (y_ + height > kBottom) {
        new_page();
        table_header();
      }
      row(s_.rows[i]);
    }
    y_ += 10;
  }

  void notes() {
    for (const auto& note : s_.notes) {
      keep_together([&] { y_ += c_.text(note, style(8, false, kMuted), kLeft, y_, kWidth) + 3; });
    }
    y_ += 10;
  }

  void total() {
    keep_together([&] {
      const double box = 30;
      c_.fill(kLeft, y_, kWidth, box, kShade);
      c_.text(w_.total_label, style(10.5, true), kLeft + 8, y_ + 8, kWidth * 0.62);
      c_.text(w_.total_amount, style(13, true, kInk, Align::kRight), kLeft + kWidth * 0.6, y_ + 7,
              kWidth * 0.4 - 8);
      y_ += box + 6;
      if (!w_.total_remark.empty()) {
        y_ += c_.text(w_.total_remark, style(9.5, true), kLeft, y_, kWidth);
      }
      y_ += 16;
    });
  }

  double payment_line(const std::string& label, const std::string& value, double y,
                      bool bold = true) {
    const double label_width = 90;
    const double x = kLeft + 10;
    const double a = c_.text(label, style(8.5, false, kMuted), x, y + 1, label_width);
    const double b =
        c_.text(value, style(9.5, bold), x + label_width, y, kWidth - label_width - 20);
    return y + std::max(a, b) + 4;
  }

  void payment_block(const PaymentWords& p) {
    const double x = kLeft + 10;
    const double width = kWidth - 20;
    double y = y_ + 8;
    y += c_.text(p.title, style(10.5, true, kAccent), x, y, width) + 4;
    y += c_.text(p.instruction, style(9), x, y, width) + 6;
    for (const LabelledValue& line : p.lines)
      y = payment_line(line.label, line.value, y, line.strong);
    y_ = y + 4;
  }

  // The payment data and the greeting stay on one page.
  void payment() {
    for (const std::string& p : w_.closing_paragraphs) paragraph(p);
    if (!w_.payment) {
      keep_together([&] { closing(); });
      return;
    }
    keep_together([&] {
      const double height = measure([&] { payment_block(*w_.payment); });
      c_.fill(kLeft, y_, kWidth, height, kPanel);
      payment_block(*w_.payment);
      y_ += 18;
      closing();
    });
  }

  void closing() {
    y_ += c_.text(w_.greeting, style(9.5), kLeft, y_, kWidth) + 14;
    for (const auto& line : w_.signature) {
      y_ += c_.text(line, style(9.5), kRecipientX, y_, kRight - kRecipientX);
    }
  }

  PdfCanvas& c_;
  const Statement& s_;
  const LetterWords w_;
  const int total_pages_;
  int page_ = 0;
  double y_ = kTop;
};

int count_pages(PdfCanvas& canvas, const Statement& s) {
  const bool was_dry = canvas.dry();
  canvas.set_dry(true);
  const int pages = Layout(canvas, s, 0).draw();
  canvas.set_dry(was_dry);
  return pages;
}

// The statement typeset once: what its pages show, for its own PDF and the bundle.
Drawing typeset(const Statement& s, Typesetter& typesetter) {
  Drawing drawing;
  PdfCanvas canvas(drawing, typesetter);
  Layout(canvas, s, count_pages(canvas, s)).draw();
  typesetter.next_document();
  return drawing;
}

PdfInfo info(const Statement& s, const std::string& title) {
  return {title, s.issuer.name, fmt::format("citfee {}", kVersion), s.date};
}

std::string single_pdf(const Statement& statement, const Drawing& drawing) {
  std::string out;
  {
    PdfDocument document(out, info(statement, letter_words(statement).document_title));
    document.play(drawing);
    document.finish();
  }
  return out;
}

unsigned worker_count(unsigned wanted, std::size_t documents) {
  const unsigned threads =
      wanted ? wanted : std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
  return static_cast<unsigned>(std::min<std::size_t>(threads, documents));
}

}  // namespace

std::string statement_pdf(const Statement& statement) {
  Typesetter typesetter;
  return single_pdf(statement, typeset(statement, typesetter));
}

std::string combined_pdf(const std::vector<Statement>& statements, const std::string& title) {
  std::string out;
  if (statements.empty()) return out;
  Typesetter typesetter;
  {
    PdfDocument document(out, info(statements.front(), title));
    for (const Statement& s : statements) document.play(typeset(s, typesetter));
    document.finish();
  }
  return out;
}

std::vector<std::string> statement_pdfs(const std::vector<Statement>& statements,
                                        const std::string& combined_title, unsigned threads,
                                        TypesetCounts* counts) {
  const std::size_t count = statements.size();
  std::vector<std::string> pdfs(count + 1);  // the letters, then the bundle
  if (count == 0) return pdfs;
  // Each letter is typeset once, played into its own PDF and then into the
  // bundle. The bundle takes the letters in order: a thread with a letter
  // waits for the letters before it to be in, then plays its own. So the
  // layouts a thread made are drawn by it alone, and the bundle gets the
  // drawing operations it would get were it typeset on its own.
  PdfDocument bundle(pdfs.back(), info(statements.front(), combined_title));
  std::mutex turn_mutex;
  std::condition_variable turn;
  std::size_t bundled = 0;  // letters in the bundle
  bool stop = false;        // a thread failed
  std::atomic<std::size_t> next{0};
  const unsigned workers = worker_count(threads, count);
  std::vector<std::exception_ptr> failures(workers);
  // Kept until the bundle is finished: its fonts came from them.
  std::vector<std::unique_ptr<Typesetter>> typesetters(workers);
  auto work = [&](std::size_t worker) {
    try {
      typesetters[worker] = std::make_unique<Typesetter>();
      Typesetter& typesetter = *typesetters[worker];
      for (std::size_t i = next++; i < count; i = next++) {
        const Drawing drawing = typeset(statements[i], typesetter);
        pdfs[i] = single_pdf(statements[i], drawing);
        std::unique_lock lock(turn_mutex);
        turn.wait(lock, [&] { return bundled == i || stop; });
        if (stop) return;
        bundle.play(drawing);
        ++bundled;
        lock.unlock();
        turn.notify_all();
      }
    } catch (...) {
      failures[worker] = std::current_exception();
      next = count;  // the others stop too
      {
        const std::lock_guard lock(turn_mutex);
        stop = true;
      }
      turn.notify_all();
    }
  };
  {
    std::vector<std::jthread> others;
    for (std::size_t t = 1; t < workers; ++t) others.emplace_back(work, t);
    work(0);
  }
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  bundle.finish();
  if (counts) {
    for (const auto& typesetter : typesetters) {
      counts->made += typesetter->layouts_made();
      counts->reused += typesetter->layouts_reused();
    }
  }
  return pdfs;
}

int statement_pages(const Statement& statement) {
  Typesetter typesetter;
  Drawing drawing;
  PdfCanvas canvas(drawing, typesetter);
  return count_pages(canvas, statement);
}

}  // namespace citfee
