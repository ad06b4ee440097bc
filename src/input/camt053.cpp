// Payments from an ISO 20022 camt.053 bank statement (BkToCstmrStmt),
// versions 001.02 to 001.08, read with libxml2. Elements are found by their
// local names, in the camt.053 namespace of whichever version.
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "core/period.hpp"
#include "input/payments.hpp"

namespace citfee {

namespace {

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;
using Context = std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)>;

// The namespace of every camt.053 version: ...camt.053.001.02 to .08.
constexpr std::string_view kCamt053Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.";

// The longest text of one element (a name, a remittance line, an id): real
// ones are at most 140 characters; a longer one is not a statement's.
constexpr std::size_t kMaxText = 2000;

// What libxml2 says while parsing, gathered so that citfee tells it as one
// message of its own instead of libxml2's lines on standard error; and
// whether the document declares a DOCTYPE, which a statement never does.
struct ParseProblems {
  std::string first;  // libxml2's first message
  int line = 0;
  int doctype_line = 0;
};

void keep_structured(void* data, xmlErrorPtr e) {
  auto* problems = static_cast<ParseProblems*>(data);
  if (!problems || !e || !problems->first.empty()) return;
  if (e->level != XML_ERR_ERROR && e->level != XML_ERR_FATAL) return;
  std::string why = e->message ? e->message : "";
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  problems->first = why;
  problems->line = e->line;
}

// libxml2's unstructured messages (an unknown encoding, say): dropped, the
// structured ones tell the same.
void drop_generic(void*, const char*, ...) {}

// A DOCTYPE is refused before its internal subset is read: its entities
// could make a small file expand into gigabytes, and camt.053 needs none.
void refuse_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  auto* problems = static_cast<ParseProblems*>(ctxt->_private);
  problems->doctype_line = ctxt->input ? ctxt->input->line : 1;
  xmlStopParser(ctxt);
}

// libxml2's error handlers, set for one parse and put back after it.
class QuietErrors {
 public:
  explicit QuietErrors(ParseProblems& problems)
      : generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext),
        structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext) {
    xmlSetGenericErrorFunc(nullptr, drop_generic);
    xmlSetStructuredErrorFunc(&problems, keep_structured);
  }
  ~QuietErrors() {
    xmlSetGenericErrorFunc(generic_context_, generic_);
    xmlSetStructuredErrorFunc(structured_context_, structured_);
  }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

 private:
  xmlGenericErrorFunc generic_;
  void* generic_context_;
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
};

bool named(const xmlNode* n, std::string_view name) {
  return n && n->type == XML_ELEMENT_NODE &&
         std::string_view(reinterpret_cast<const char*>(n->name)) == name;
}

const xmlNode* child(const xmlNode* n, std::string_view name) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (named(c, name)) return c;
  }
  return nullptr;
}

// The node at a path of child names, or nullptr.
const xmlNode* at(const xmlNode* n, std::initializer_list<std::string_view> path) {
  for (std::string_view name : path) n = child(n, name);
  return n;
}

std::vector<const xmlNode*> children(const xmlNode* n, std::string_view name) {
  std::vector<const xmlNode*> out;
  if (!n) return out;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (named(c, name)) out.push_back(c);
  }
  return out;
}

int line_of(const xmlNode* n) {
  return static_cast<int>(xmlGetLineNo(n));
}

std::size_t characters(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string namespace_of(const xmlNode* n) {
  return n && n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return out;
}

// The debtor's name and id: RltdPties/Dbtr/Nm up to version 07, Dbtr/Pty/Nm in 08.
const xmlNode* debtor(const xmlNode* tx) {
  const xmlNode* d = at(tx, {"RltdPties", "Dbtr"});
  if (const xmlNode* party = child(d, "Pty")) return party;
  return d;
}

// A transaction's own amount, in a batch entry: TxDtls/Amt (version 04 on)
// or TxDtls/AmtDtls/TxAmt/Amt.
const xmlNode* transaction_amount(const xmlNode* tx) {
  if (const xmlNode* a = child(tx, "Amt")) return a;
  return at(tx, {"AmtDtls", "TxAmt", "Amt"});
}

// One statement being read: its problems go to `diag`, each with its line.
class Reader {
 public:
  Reader(const std::string& file, PaymentsFile& out, Diagnostics& diag)
      : file_(file), out_(out), diag_(diag) {}

  void entry(const xmlNode* entry);

 private:
  Location where(const xmlNode* n) const { return {file_, line_of(n), 0}; }

  // An element's text, trimmed; a text longer than kMaxText is told, and
  // read as empty.
  std::string text(const xmlNode* n) {
    if (!n) return {};
    xmlChar* content = xmlNodeGetContent(n);
    std::string out = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    const std::size_t first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    out = out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
    if (characters(out) > kMaxText) {
      diag_.error(where(n),
                  fmt::format("{} of {} characters: a statement's texts are at most {}",
                              reinterpret_cast<const char*>(n->name), characters(out), kMaxText));
      return {};
    }
    return out;
  }

  std::string debtor_id(const xmlNode* party) {
    if (const xmlNode* org = at(party, {"Id", "OrgId", "Othr", "Id"})) return text(org);
    return text(at(party, {"Id", "PrvtId", "Othr", "Id"}));
  }

  bool booked(const xmlNode* entry) {
    const xmlNode* status = child(entry, "Sts");
    if (const xmlNode* code = child(status, "Cd")) return text(code) == "BOOK";
    return text(status) == "BOOK";
  }

  std::optional<Money> amount(const xmlNode* amt, std::string_view what);
  void take_details(const std::vector<const xmlNode*>& txs, Payment& p);
  bool read_batch(const std::vector<const xmlNode*>& txs, const Payment& entry,
                  const xmlNode* entry_node);

  const std::string& file_;
  PaymentsFile& out_;
  Diagnostics& diag_;
};

// An amount of the statement, in EUR, as ISO 20022 writes it: digits and at
// most two decimals after a point, never a sign (the direction is CdtDbtInd).
// Zero is a valid amount that pays nothing; nullopt after telling a problem.
std::optional<Money> Reader::amount(const xmlNode* amt, std::string_view what) {
  const std::string currency = attribute(amt, "Ccy");
  if (currency != "EUR") {
    diag_.error(where(amt), fmt::format("{} in {}: citfee takes payments in EUR", what,
                                        currency.empty() ? "no currency" : currency));
    return std::nullopt;
  }
  const std::string t = text(amt);
  const std::size_t point = t.find('.');
  const std::string_view whole = std::string_view(t).substr(0, point);
  const std::string_view decimals =
      point == std::string::npos ? std::string_view() : std::string_view(t).substr(point + 1);
  auto digits = [](std::string_view d) {
    return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!t.empty() && t.front() == '-') {
    diag_.error(where(amt), fmt::format("{} \"{}\" is negative: a statement writes amounts "
                                        "without sign, a debit as DBIT",
                                        what, t));
    return std::nullopt;
  }
  if (!digits(whole) || (point != std::string::npos && !digits(decimals))) {
    diag_.error(where(amt),
                fmt::format("{} \"{}\" is not an amount: write it like 1245.00", what, t));
    return std::nullopt;
  }
  if (decimals.size() > 2) {
    diag_.error(where(amt), fmt::format("{} \"{}\" has {} decimals: an amount in EUR has at most 2",
                                        what, t, decimals.size()));
    return std::nullopt;
  }
  try {
    return Money::parse(t);
  } catch (const ValueError& e) {
    diag_.error(where(amt), fmt::format("{}: {}", what, e.what()));
    return std::nullopt;
  }
}

// The remittance lines, payer, tax code and bank id of transactions, on `p`.
void Reader::take_details(const std::vector<const xmlNode*>& txs, Payment& p) {
  std::vector<std::string> lines;
  for (const xmlNode* tx : txs) {
    for (const xmlNode* u : children(child(tx, "RmtInf"), "Ustrd")) lines.push_back(text(u));
    const xmlNode* party = debtor(tx);
    if (p.payer.empty()) p.payer = text(child(party, "Nm"));
    if (p.tax_code.empty()) p.tax_code = debtor_id(party);
    if (p.bank_id.empty()) p.bank_id = text(at(tx, {"Refs", "AcctSvcrRef"}));
  }
  p.description = fmt::format("{}", fmt::join(lines, " "));
}

// A batch entry (several transactions, each with its amount) is one payment
// per transaction, at the transaction's line: each body pays its own bill.
// Their sum is the entry's. False when the transactions carry no amounts.
bool Reader::read_batch(const std::vector<const xmlNode*>& txs, const Payment& entry,
                        const xmlNode* entry_node) {
  for (const xmlNode* tx : txs) {
    if (!transaction_amount(tx)) return false;
  }
  std::vector<Payment> batch;
  Money sum;
  bool ok = true;
  int zero = 0;
  for (std::size_t i = 0; i < txs.size(); ++i) {
    Payment p = entry;
    p.bank_id.clear();
    p.line = line_of(txs[i]);
    const std::optional<Money> a = amount(transaction_amount(txs[i]), "transaction");
    if (!a) {
      ok = false;
      continue;
    }
    p.amount = *a;
    take_details({txs[i]}, p);
    if (p.bank_id.empty() && !entry.bank_id.empty())
      p.bank_id = fmt::format("{}/{}", entry.bank_id, i + 1);
    try {
      sum += p.amount;
    } catch (const OverflowError&) {
      diag_.error(where(txs[i]), "the transactions of the entry add up to more than citfee counts");
      return true;
    }
    if (p.amount.is_zero()) {
      ++zero;
      continue;
    }
    batch.push_back(std::move(p));
  }
  if (!ok) return true;
  if (sum != entry.amount) {
    diag_.error(where(entry_node),
                fmt::format("the transactions of the entry add up to {}, not its {}",
                            sum.to_string(2), entry.amount.to_string(2)));
    return true;
  }
  out_.outgoing += zero;
  for (Payment& p : batch) out_.payments.push_back(std::move(p));
  return true;
}

// One payment per credit entry, its remittance lines joined; or one per
// transaction of a batch entry.
void Reader::entry(const xmlNode* entry) {
  const std::string direction = text(child(entry, "CdtDbtInd"));
  if (direction == "DBIT") {
    // Left out, but still a statement's amount: a sign or a third decimal
    // there says the file is not what it claims.
    if (const xmlNode* amt = child(entry, "Amt"); amt && !amount(amt, "the entry's amount")) return;
    ++out_.outgoing;
    return;
  }
  if (direction != "CRDT") {
    diag_.error(where(entry), fmt::format("an entry whose CdtDbtInd is \"{}\", not CRDT (a credit) "
                                          "or DBIT (a debit)",
                                          direction));
    return;
  }
  if (!booked(entry)) {
    ++out_.not_booked;
    return;
  }
  Payment p;
  p.file = file_;
  p.line = line_of(entry);
  const xmlNode* amt = child(entry, "Amt");
  if (!amt) {
    diag_.error(where(entry), "a credit entry without its amount (Amt)");
    return;
  }
  const std::optional<Money> a = amount(amt, "the entry's amount");
  if (!a) return;
  p.amount = *a;
  try {
    const xmlNode* day = child(entry, "BookgDt");
    const std::string date = text(child(day, "Dt"));
    p.date = date.empty() ? parse_date_time(text(child(day, "DtTm"))) : parse_date(date);
  } catch (const ValueError& e) {
    diag_.error(where(entry), fmt::format("entry: {}", e.what()));
    return;
  }
  p.bank_id = text(child(entry, "AcctSvcrRef"));
  const std::vector<const xmlNode*> txs = children(child(entry, "NtryDtls"), "TxDtls");
  if (txs.size() > 1 && read_batch(txs, p, entry)) return;
  // The one transaction's own amount, when it has one, is checked as well:
  // a transaction in another currency or with a sign is not this credit.
  bool ok = true;
  for (const xmlNode* tx : txs) {
    if (const xmlNode* own = transaction_amount(tx); own && !amount(own, "transaction")) ok = false;
  }
  if (!ok) return;
  if (p.amount.is_zero()) {
    ++out_.outgoing;
    return;
  }
  take_details(txs, p);
  out_.payments.push_back(std::move(p));
}

}  // namespace

PaymentsFile read_camt053(std::string_view xml, const std::string& file, Diagnostics& diag) {
  PaymentsFile out;
  out.format = "camt.053";
  ParseProblems problems;
  const Context ctxt(xmlNewParserCtxt(), &xmlFreeParserCtxt);
  if (!ctxt) throw std::bad_alloc();
  ctxt->_private = &problems;
  ctxt->sax->internalSubset = refuse_doctype;
  Document doc(nullptr, &xmlFreeDoc);
  {
    const QuietErrors quiet(problems);
    // No network, no entities substituted, no DTD loaded: a statement is
    // read as it is.
    doc.reset(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), nullptr,
                                nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  }
  if (problems.doctype_line) {
    diag.error({file, problems.doctype_line, 0},
               "a DOCTYPE: a camt.053 statement has none, and its entities are not read");
    return out;
  }
  if (!doc || !problems.first.empty()) {
    // An encoding libxml2 cannot read is told before any line: the first.
    diag.error({file, std::max(problems.line, 1), 0},
               fmt::format("not well-formed XML: {}",
                           problems.first.empty() ? "not readable" : problems.first));
    return out;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* statements = child(root, "BkToCstmrStmt");
  if (!named(root, "Document") || !statements) {
    diag.error({file, 1, 0},
               "an XML file that is not a camt.053 bank statement (Document/BkToCstmrStmt)");
    return out;
  }
  const std::string ns = namespace_of(root);
  if (!ns.starts_with(kCamt053Namespace) || namespace_of(statements) != ns) {
    diag.error({file, line_of(root), 0},
               fmt::format("a Document in {}: a camt.053 statement is in the namespace {}001.NN",
                           ns.empty() ? "no namespace" : "the namespace " + ns, kCamt053Namespace));
    return out;
  }
  Reader reader(file, out, diag);
  for (const xmlNode* stmt : children(statements, "Stmt")) {
    for (const xmlNode* entry : children(stmt, "Ntry")) reader.entry(entry);
  }
  return out;
}

}  // namespace citfee
