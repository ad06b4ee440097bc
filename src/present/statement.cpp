#include "present/statement.hpp"

#include <optional>

#include <fmt/format.h>

#include "core/text.hpp"
#include "present/italian.hpp"

namespace citfee {

std::string file_name_problem(std::string_view entity_id) {
  if (entity_id.empty()) return "it is empty";
  if (entity_id.front() == '.') return "it begins with \".\", which would make a hidden file";
  if (entity_id.front() == '-')
    return "it begins with \"-\", which commands would take for an option (rm *, lp *)";
  // A name of a file is at most 255 bytes, and the letter adds its period.
  if (entity_id.size() > kMaxIdInFileName)
    return fmt::format("it is longer than {} bytes, too long for a file name", kMaxIdInFileName);
  for (char c : entity_id) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\')
      return fmt::format("it holds \"{}\", which separates directories", c);
    if (u < 0x20 || u == 0x7f) return "it holds a control character";
  }
  // A right-to-left override turns "017001-2027.pdf" into what it is not in
  // a file manager, and a zero-width space makes two names look one.
  if (const std::optional<HiddenChar> hidden = find_hidden(entity_id)) {
    return fmt::format("it holds {}, which does not show in a file name",
                       code_point_name(hidden->code));
  }
  return "";
}

namespace {

// The address lines as the letterhead has always joined them: an empty
// first line adds no separator.
std::string join(const std::vector<std::string>& parts, const std::string& between) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : between) + p;
  return out;
}

// A table row's cells, an empty one included.
std::string cells_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? " | " : "") + cells[i];
  return out;
}

PaymentWords payment_words(const Statement& s) {
  const std::string iban = s.issuer.iban.empty() ? "non indicato (bozza)" : s.issuer.iban;
  return {"Modalità di pagamento",
          "Bonifico bancario con i dati seguenti.",
          {{"Beneficiario", s.issuer.name},
           {"IBAN", iban},
           {"Causale", s.payment_reason, false},
           {"Importo", italian_amount(s.total)},
           {"Scadenza", italian_numeric_date(s.due)}}};
}

}  // namespace

LetterWords letter_words(const Statement& s) {
  const Issuer& i = s.issuer;
  const Recipient& r = s.recipient;
  LetterWords w;
  w.issuer_name = i.name;
  w.issuer_office = i.office;
  w.issuer_address = join(i.address, " – ");
  w.issuer_codes = "C.F. " + i.tax_code;
  if (!i.pec.empty()) w.issuer_codes += " · PEC " + i.pec;
  if (!s.number.empty()) w.marks.push_back({"Numero", s.number});
  w.marks.push_back({"Riferimento", s.reference});
  w.marks.push_back({"Data", i.place.empty()
                                 ? italian_date(s.date)
                                 : fmt::format("{}, {}", i.place, italian_date(s.date))});
  w.addressee_label = "Spett.le";
  w.addressee = r.name;
  w.addressee_lines.push_back("Codice ente " + r.id);
  if (!r.tax_code.empty()) w.addressee_lines.push_back("C.F. " + r.tax_code);
  // The label stays with the address: a no-break space.
  if (!r.pec.empty()) w.addressee_lines.push_back("PEC\u00a0" + r.pec);
  w.subject = "Oggetto: " + s.subject;
  w.total_label = s.total_label;
  w.total_amount = italian_amount(s.total);
  // A credit is not paid, and nothing is due when the total is nil: neither
  // letter asks for a transfer.
  if (s.total.is_negative()) {
    w.total_remark = "Importo a credito dell'Ente.";
    w.closing_paragraphs.push_back(
        "L'importo risulta a credito di codesto Ente: non è dovuto alcun versamento, e il "
        "credito sarà regolato nel saldo dei pagamenti.");
  } else if (s.total.is_zero()) {
    w.closing_paragraphs.push_back(
        "Per questo periodo non è dovuto alcun importo: la presente comunicazione ha valore "
        "informativo.");
  } else {
    w.total_remark = fmt::format("Da versare entro il {}.", italian_date(s.due));
    w.payment = payment_words(s);
  }
  w.greeting = "Distinti saluti.";
  w.signature = i.signature;
  w.running_head_left = i.name;
  w.running_head_right = s.subject;
  w.footer_letter = fmt::format("{} · {}", s.reference, r.name);
  const std::string who = i.office.empty() ? i.name : i.name + " – " + i.office;
  w.footer_issuer = fmt::format("{} · C.F. {}", who, i.tax_code);
  if (s.draft) {
    w.draft_notice = "BOZZA – documento non valido per il pagamento";
    w.draft_mark = "BOZZA";
  }
  w.document_title = fmt::format("{} – {}", s.subject, r.name);
  return w;
}

std::string page_words(int page, int pages) {
  return pages > 0 ? fmt::format("Pagina {} di {}", page, pages) : fmt::format("Pagina {}", page);
}

std::vector<std::string> statement_text(const Statement& s) {
  const LetterWords w = letter_words(s);
  std::vector<std::string> out;
  auto add = [&](const std::string& line) { out.push_back(line); };
  auto pair = [&](const LabelledValue& v) { add(v.label + ": " + v.value); };
  add(w.issuer_name);
  if (!w.issuer_office.empty()) add(w.issuer_office);
  add(w.issuer_address);
  add(w.issuer_codes);
  for (const LabelledValue& v : w.marks) pair(v);
  add(w.addressee_label);
  add(w.addressee);
  for (const std::string& line : w.addressee_lines) add(line);
  add(w.subject);
  for (const std::string& p : s.opening) add(p);
  if (s.rows.empty()) {
    add(s.no_rows);
  } else {
    std::vector<std::string> headers;
    for (const Column& c : s.columns) headers.push_back(c.header);
    add(cells_line(headers));
    for (const DetailRow& r : s.rows) {
      if (r.result) add("---");
      add(cells_line(r.cells));
    }
  }
  for (const std::string& n : s.notes) add(n);
  add(w.total_label + ": " + w.total_amount);
  if (!w.total_remark.empty()) add(w.total_remark);
  for (const std::string& p : w.closing_paragraphs) add(p);
  if (w.payment) {
    add(w.payment->title);
    add(w.payment->instruction);
    for (const LabelledValue& v : w.payment->lines) pair(v);
  }
  add(w.greeting);
  for (const std::string& line : w.signature) add(line);
  add(w.footer_letter);
  add(w.footer_issuer);
  if (!w.draft_notice.empty()) add(w.draft_notice);
  if (!w.draft_mark.empty()) add(w.draft_mark);
  return out;
}

namespace statement_parts {

Statement base(const Entity& entity, const StatementSettings& settings) {
  Statement s;
  s.issuer = settings.issuer;
  s.recipient = {entity.name, entity.id, entity.tax_code, entity.pec};
  s.date = settings.date;
  s.draft = settings.draft;
  return s;
}

std::string payment_reason(const std::string& text) {
  static constexpr std::string_view kAllowed = "/-?:().,'+ ";
  std::string out;
  for (char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += alnum || kAllowed.find(c) != std::string_view::npos ? c : '-';
  }
  return out;
}

}  // namespace statement_parts

}  // namespace citfee
