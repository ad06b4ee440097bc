#include "present/labels.hpp"

#include <map>

#include "core/entity.hpp"
#include "core/tariff.hpp"
#include "present/terms.hpp"

namespace citfee {

std::string italian_label(const std::string& column) {
  const Term* term = column_term(column);
  return term ? std::string(term->italian) : column;
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
  if (column == "method" || column == "compare_method") {
    if (auto method = parse_method(value)) return italian_method(*method);
  }
  return value;
}

void translate_values(Report& report) {
  for (std::size_t c = 0; c < report.columns.size(); ++c) {
    for (auto& row : report.rows) {
      if (c >= row.size() || row[c].kind != CellKind::kText) continue;
      if (row[c].term) {
        row[c].text = std::string(row[c].term->italian);
      } else {
        row[c].text = italian_value(report, report.columns[c], row[c].text);
      }
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
