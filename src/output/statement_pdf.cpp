// Lays a Statement out on A4 pages. Each block either fits below the current
// line or moves to a new page; the detail table moves row by row and repeats
// its header. A layout first runs dry to count its pages ("Pagina 1 di 3").
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
#include "present/italian.hpp"
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

std::string join(const std::vector<std::string>& parts, const std::string& between) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : between) + p;
  return out;
}

class Layout {
 public:
  Layout(PdfCanvas& canvas, const Statement& s, int total_pages)
      : c_(canvas), s_(s), total_pages_(total_pages) {}

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
    if (s_.draft) c_.watermark("BOZZA", kDraftMark);
    c_.show_page();
  }

  void new_page() {
    end_page();
    start_page();
  }

  // Every page says which statement it belongs to: printed together, the
  // pages of many statements stay sorted.
  void footer() {
    const Issuer& i = s_.issuer;
    c_.line(kLeft, kFooter, kRight, kFooter, 0.5, kRule);
    const std::string number = total_pages_ > 0
                                   ? fmt::format("Pagina {} di {}", page_, total_pages_)
                                   : fmt::format("Pagina {}", page_);
    c_.text(number, style(7.5, false, kMuted, Align::kRight), kRight - 80, kFooter + 5, 80);
    double y = kFooter + 5;
    y += c_.text(fmt::format("{} · {}", s_.reference, s_.recipient.name), style(7.5, false, kMuted),
                 kLeft, y, kWidth - 90);
    const std::string who = i.office.empty() ? i.name : i.name + " – " + i.office;
    y += c_.text(fmt::format("{} · C.F. {}", who, i.tax_code), style(7, false, kMuted), kLeft, y,
                 kWidth - 90);
    if (s_.draft) {
      c_.text("BOZZA – documento non valido per il pagamento", style(7.5, true, kDraftInk), kLeft,
              y, kWidth - 90);
    }
  }

  // On the pages after the first: who writes, and about what.
  void running_head() {
    const double half = kWidth / 2;
    const double left = c_.text(s_.issuer.name, style(8, true, kAccent), kLeft, y_, half);
    const double right =
        c_.text(s_.subject, style(8, false, kMuted, Align::kRight), kLeft + half, y_, half);
    y_ += std::max(left, right) + 4;
    c_.line(kLeft, y_, kRight, y_, 0.5, kRule);
    y_ += 14;
  }

  void letterhead() {
    const Issuer& i = s_.issuer;
    y_ += c_.text(i.name, style(16, true, kAccent), kLeft, y_, kWidth);
    if (!i.office.empty()) y_ += c_.text(i.office, style(10.5, false, kAccent), kLeft, y_, kWidth);
    y_ += 3;
    y_ += c_.text(join(i.address, " – "), style(8.5, false, kMuted), kLeft, y_, kWidth);
    std::string codes = "C.F. " + i.tax_code;
    if (!i.pec.empty()) codes += " · PEC " + i.pec;
    y_ += c_.text(codes, style(8.5, false, kMuted), kLeft, y_, kWidth);
    y_ += 8;
    c_.line(kLeft, y_, kRight, y_, 1.2, kAccent);
    y_ += 26;
  }

  double labelled(const std::string& label, const std::string& value, double y) {
    const double width = kRecipientX - kLeft - 20;
    y += c_.text(label, style(7.5, false, kMuted), kLeft, y, width);
    return y + c_.text(value, style(10, true), kLeft, y, width);
  }

  void addresses() {
    double left = y_;
    if (!s_.number.empty()) left = labelled("Numero", s_.number, left) + 8;
    left = labelled("Riferimento", s_.reference, left) + 8;
    const std::string dated = s_.issuer.place.empty()
                                  ? italian_date(s_.date)
                                  : fmt::format("{}, {}", s_.issuer.place, italian_date(s_.date));
    left = labelled("Data", dated, left);
    const Recipient& r = s_.recipient;
    const double width = kRight - kRecipientX;
    double right = y_;
    right += c_.text("Spett.le", style(8.5, false, kMuted), kRecipientX, right, width);
    // A long name gets a smaller size before it has to wrap.
    TextStyle name = style(11, true);
    const double natural = c_.natural_width(r.name, name);
    if (natural > width) name.size = std::max(8.5, name.size * width / natural);
    right += c_.text(r.name, name, kRecipientX, right, width) + 2;
    std::vector<std::string> lines{"Codice ente " + r.id};
    if (!r.tax_code.empty()) lines.push_back("C.F. " + r.tax_code);
    // The label stays with the address (a no-break space), and a long
    // address gets a smaller size before it has to wrap.
    if (!r.pec.empty()) lines.push_back("PEC\u00a0" + r.pec);
    for (const auto& line : lines) {
      TextStyle small = style(9);
      const double wide = c_.natural_width(line, small);
      if (wide > width) small.size = std::max(7.0, small.size * width / wide);
      right += c_.text(line, small, kRecipientX, right, width);
    }
    y_ = std::max(left, right) + 26;
  }

  void subject() {
    y_ += c_.text("Oggetto: " + s_.subject, style(11, true), kLeft, y_, kWidth) + 10;
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
      c_.text(s_.total_label, style(10.5, true), kLeft + 8, y_ + 8, kWidth * 0.62);
      c_.text(italian_amount(s_.total), style(13, true, kInk, Align::kRight), kLeft + kWidth * 0.6,
              y_ + 7, kWidth * 0.4 - 8);
      y_ += box + 6;
      if (s_.total.is_negative()) {
        y_ += c_.text("Importo a credito dell'Ente.", style(9.5, true), kLeft, y_, kWidth);
      } else if (!s_.total.is_zero()) {
        y_ += c_.text(fmt::format("Da versare entro il {}.", italian_date(s_.due)),
                      style(9.5, true), kLeft, y_, kWidth);
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

  void payment_block() {
    const double x = kLeft + 10;
    const double width = kWidth - 20;
    double y = y_ + 8;
    y += c_.text("Modalità di pagamento", style(10.5, true, kAccent), x, y, width) + 4;
    y += c_.text("Bonifico bancario con i dati seguenti.", style(9), x, y, width) + 6;
    const std::string iban = s_.issuer.iban.empty() ? "non indicato (bozza)" : s_.issuer.iban;
    y = payment_line("Beneficiario", s_.issuer.name, y);
    y = payment_line("IBAN", iban, y);
    y = payment_line("Causale", s_.payment_reason, y, false);
    y = payment_line("Importo", italian_amount(s_.total), y);
    y = payment_line("Scadenza", italian_numeric_date(s_.due), y);
    y_ = y + 4;
  }

  // The payment data and the greeting stay on one page.
  void payment() {
    if (s_.total.is_zero()) {
      paragraph(
          "Per questo periodo non è dovuto alcun importo: la presente comunicazione ha valore "
          "informativo.");
      keep_together([&] { closing(); });
      return;
    }
    if (s_.total.is_negative()) {
      paragraph(
          "L'importo risulta a credito di codesto Ente: non è dovuto alcun versamento, e il "
          "credito sarà regolato nel saldo dei pagamenti.");
      keep_together([&] { closing(); });
      return;
    }
    keep_together([&] {
      const double height = measure([&] { payment_block(); });
      c_.fill(kLeft, y_, kWidth, height, kPanel);
      payment_block();
      y_ += 18;
      closing();
    });
  }

  void closing() {
    y_ += c_.text("Distinti saluti.", style(9.5), kLeft, y_, kWidth) + 14;
    for (const auto& line : s_.issuer.signature) {
      y_ += c_.text(line, style(9.5), kRecipientX, y_, kRight - kRecipientX);
    }
  }

  PdfCanvas& c_;
  const Statement& s_;
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
    PdfDocument document(
        out, info(statement, fmt::format("{} – {}", statement.subject, statement.recipient.name)));
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
