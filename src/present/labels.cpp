#include "present/labels.hpp"

#include <map>

#include "core/entity.hpp"
#include "core/tariff.hpp"

namespace citfee {

std::string italian_label(const std::string& column) {
  static const std::map<std::string, std::string> labels = {
      {"id", "Codice"},
      {"name", "Denominazione"},
      {"type", "Tipo"},
      {"population", "Popolazione"},
      {"band", "Fascia"},
      {"coefficient", "Coefficiente"},
      {"computed", "Importo calcolato"},
      {"annual_fee", "Quota annuale"},
      {"due_date", "Scadenza"},
      {"period", "Periodo"},
      {"service", "Servizio"},
      {"quantity", "Quantità"},
      {"free", "Gratuite"},
      {"billable", "A pagamento"},
      {"unit_price", "Prezzo unitario"},
      {"amount", "Importo"},
      {"compare_fee", "Quota a confronto"},
      {"difference", "Differenza"},
      {"compare_population", "Popolazione a confronto"},
      {"compare_band", "Fascia a confronto"},
      {"why", "Perché"},
      {"bodies", "Enti"},
      {"residents", "Residenti"},
      {"rank", "Posizione"},
      {"number", "Numero"},
      {"status", "Stato"},
      {"reference", "Riferimento"},
      {"kind", "Tipo documento"},
      {"date", "Data"},
      {"description", "Descrizione"},
      {"payment", "Pagamento"},
      {"payer", "Ordinante"},
      {"tax_code", "Codice fiscale"},
      {"bill", "Documento"},
      {"match", "Abbinamento"},
      {"bills", "Documenti"},
      {"billed", "Fatturato"},
      {"paid", "Pagato"},
      {"outstanding", "Da pagare"},
      {"credit", "Credito"},
      {"days_past_due", "Giorni di ritardo"},
      {"reminders", "Solleciti"},
      {"last_reminder", "Ultimo sollecito"},
      {"reminder", "Sollecito"},
      {"overdue", "Scaduto"},
      {"new_due_date", "Nuova scadenza"},
  };
  auto it = labels.find(column);
  return it == labels.end() ? column : it->second;
}

std::string italian_method(Method method) {
  return method == Method::kMarginal ? "per scaglioni" : "fascia intera";
}

std::map<std::string, std::string> service_labels(const Tariff& tariff) {
  std::map<std::string, std::string> labels;
  for (const Service& s : tariff.services) labels.emplace(s.key, s.label);
  return labels;
}

namespace {

// A value of a column that has Italian words for its keys, in them: types
// as the entities file may write them back ("Comunità Montana"), methods
// as the schedule reads ("fascia intera"). Other values stay.
std::string italian_value(const Report& report, const std::string& column,
                          const std::string& value) {
  if (column == "service") {
    auto it = report.service_labels.find(value);
    if (it != report.service_labels.end()) return it->second;
  }
  if (column == "type") {
    if (auto type = parse_entity_type(value)) return std::string(type_label(*type));
  }
  if (column == "status" || column == "match") {
    static const std::map<std::string, std::string> words = {{"issued", "emesso"},
                                                             {"credit", "a credito"},
                                                             {"already_issued", "già emesso"},
                                                             {"corrected", "rettificato"},
                                                             {"not_issued", "non emesso"},
                                                             {"paid", "pagato"},
                                                             {"overdue", "scaduto"},
                                                             {"partial", "parziale"},
                                                             {"open", "aperto"},
                                                             {"sent", "inviato"},
                                                             {"already_sent", "già inviato"},
                                                             {"reference", "riferimento"},
                                                             {"number", "numero"},
                                                             {"tax_code", "codice fiscale"},
                                                             {"hand", "a mano"},
                                                             {"none", "nessuno"}};
    if (auto it = words.find(value); it != words.end()) return it->second;
  }
  if (column == "method" || column == "compare_method") {
    if (auto method = parse_method(value)) return italian_method(*method);
  }
  return value;
}

void translate_values(Report& report) {
  for (std::size_t c = 0; c < report.columns.size(); ++c) {
    for (auto& row : report.rows) {
      if (c < row.size() && row[c].kind == CellKind::kText)
        row[c].text = italian_value(report, report.columns[c], row[c].text);
    }
  }
}

}  // namespace

Report with_italian_labels(Report report) {
  translate_values(report);
  for (std::string& column : report.columns) column = italian_label(column);
  if (!report.title_it.empty()) report.title = report.title_it;
  for (Chart& chart : report.charts) {
    if (!chart.title_it.empty()) chart.title = chart.title_it;
  }
  return report;
}

}  // namespace citfee
