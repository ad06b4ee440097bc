// Payments from an ISO 20022 camt.053 bank statement (BkToCstmrStmt),
// versions 001.02 to 001.08, read with libxml2. Elements are found by their
// local names, whatever the namespace of the version.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include <fmt/format.h>

#include "core/period.hpp"
#include "input/payments.hpp"

namespace citfee {

namespace {

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

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

std::string text(const xmlNode* n) {
  if (!n) return {};
  xmlChar* content = xmlNodeGetContent(n);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  const std::size_t first = out.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
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

std::string debtor_id(const xmlNode* party) {
  if (const xmlNode* org = at(party, {"Id", "OrgId", "Othr", "Id"})) return text(org);
  return text(at(party, {"Id", "PrvtId", "Othr", "Id"}));
}

bool booked(const xmlNode* entry) {
  const xmlNode* status = child(entry, "Sts");
  if (const xmlNode* code = child(status, "Cd")) return text(code) == "BOOK";
  return text(status) == "BOOK";
}

// A transaction's own amount, in a batch entry: TxDtls/Amt (version 04 on)
// or TxDtls/AmtDtls/TxAmt/Amt.
const xmlNode* transaction_amount(const xmlNode* tx) {
  if (const xmlNode* a = child(tx, "Amt")) return a;
  return at(tx, {"AmtDtls", "TxAmt", "Amt"});
}

// The remittance lines, payer, tax code and bank id of transactions, on `p`.
void take_details(const std::vector<const xmlNode*>& txs, Payment& p) {
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
// per transaction: each body pays its own bill. Their sum is the entry's.
bool read_batch(const std::vector<const xmlNode*>& txs, const Payment& entry, const Location& where,
                PaymentsFile& out, Diagnostics& diag) {
  for (const xmlNode* tx : txs) {
    if (!transaction_amount(tx)) return false;
  }
  std::vector<Payment> batch;
  Money sum;
  for (std::size_t i = 0; i < txs.size(); ++i) {
    Payment p = entry;
    p.bank_id.clear();
    try {
      p.amount = Money::parse(text(transaction_amount(txs[i])));
    } catch (const ValueError& e) {
      diag.error({where.file, static_cast<int>(xmlGetLineNo(txs[i])), 0},
                 fmt::format("transaction: {}", e.what()));
      return true;
    }
    take_details({txs[i]}, p);
    if (p.bank_id.empty() && !entry.bank_id.empty())
      p.bank_id = fmt::format("{}/{}", entry.bank_id, i + 1);
    sum += p.amount;
    batch.push_back(std::move(p));
  }
  if (sum != entry.amount) {
    diag.error(where, fmt::format("the transactions of the entry add up to {}, not its {}",
                                  sum.to_string(2), entry.amount.to_string(2)));
    return true;
  }
  for (Payment& p : batch) out.payments.push_back(std::move(p));
  return true;
}

// One payment per credit entry, its remittance lines joined; or one per
// transaction of a batch entry.
void read_entry(const xmlNode* entry, const std::string& file, PaymentsFile& out,
                Diagnostics& diag) {
  const Location where{file, static_cast<int>(xmlGetLineNo(entry)), 0};
  if (text(child(entry, "CdtDbtInd")) != "CRDT") {
    ++out.outgoing;
    return;
  }
  if (!booked(entry)) {
    ++out.not_booked;
    return;
  }
  Payment p;
  p.file = file;
  p.line = where.line;
  const xmlNode* amount = child(entry, "Amt");
  const std::string currency = attribute(amount, "Ccy");
  if (currency != "EUR") {
    diag.error(where, fmt::format("an entry in {}: citfee takes payments in EUR",
                                  currency.empty() ? "no currency" : currency));
    return;
  }
  try {
    p.amount = Money::parse(text(amount));
    const xmlNode* day = child(entry, "BookgDt");
    const std::string date = text(child(day, "Dt"));
    p.date = date.empty() ? parse_date_time(text(child(day, "DtTm"))) : parse_date(date);
  } catch (const ValueError& e) {
    diag.error(where, fmt::format("entry: {}", e.what()));
    return;
  }
  p.bank_id = text(child(entry, "AcctSvcrRef"));
  const std::vector<const xmlNode*> txs = children(child(entry, "NtryDtls"), "TxDtls");
  if (txs.size() > 1 && read_batch(txs, p, where, out, diag)) return;
  take_details(txs, p);
  out.payments.push_back(std::move(p));
}

}  // namespace

PaymentsFile read_camt053(std::string_view xml, const std::string& file, Diagnostics& diag) {
  PaymentsFile out;
  out.format = "camt.053";
  // No network, no external entities or DTDs: a statement is read as it is.
  const Document doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
                     &xmlFreeDoc);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string why = e && e->message ? e->message : "";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    diag.error({file, e ? e->line : 0, 0}, fmt::format("not well-formed XML: {}", why));
    return out;
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* statements = child(root, "BkToCstmrStmt");
  if (!named(root, "Document") || !statements) {
    diag.error({file, 1, 0},
               "an XML file that is not a camt.053 bank statement (Document/BkToCstmrStmt)");
    return out;
  }
  for (const xmlNode* stmt : children(statements, "Stmt")) {
    for (const xmlNode* entry : children(stmt, "Ntry")) read_entry(entry, file, out, diag);
  }
  return out;
}

}  // namespace citfee
