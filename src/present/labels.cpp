#include "present/labels.hpp"

#include <map>

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
  };
  auto it = labels.find(column);
  return it == labels.end() ? column : it->second;
}

Report with_italian_labels(Report report) {
  for (std::string& column : report.columns) column = italian_label(column);
  if (!report.title_it.empty()) report.title = report.title_it;
  for (Chart& chart : report.charts) {
    if (!chart.title_it.empty()) chart.title = chart.title_it;
  }
  return report;
}

}  // namespace citfee
