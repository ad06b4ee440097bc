#include "core/bill_issue.hpp"

#include <fmt/format.h>

#include "core/settlement.hpp"

namespace citfee {

namespace {

IssuedBill addressed(const Entity& entity, BillKind kind, std::string period, Date date) {
  IssuedBill out;
  out.kind = kind;
  out.period = std::move(period);
  out.entity_id = entity.id;
  out.name = entity.name;
  out.tax_code = entity.tax_code;
  out.pec = entity.pec;
  out.date = date;
  return out;
}

BillLine charge_line(const ServiceCharge& c, Period period) {
  BillLine line;
  line.service = c.service->key;
  line.period = period.str();
  line.quantity = c.quantity;
  line.free = c.free;
  line.billable = c.billable;
  line.unit_price = c.unit_price;
  line.amount = c.amount;
  if (c.service->scope != AllowanceScope::kNone) {
    line.allowance = c.allowance.allowance;
    line.used_before = c.allowance.used_before;
  }
  return line;
}

BillLine settlement_line(const Settlement& s) {
  BillLine line;
  line.service = "conguaglio";
  line.period = s.period.str();
  line.billed_before = s.billed_before;
  line.correct = s.correct;
  line.amount = s.difference();
  return line;
}

BillLine fee_line(const AnnualFee& fee, const Tariff& tariff) {
  BillLine line;
  line.service = "quota_annuale";
  line.period = std::to_string(fee.year);
  const Entity& e = *fee.entity;
  if (e.population) line.population = *e.population;
  if (e.population_used) {
    line.population_year = e.population_used->year;
    line.population_source = population_origin(*e.population_used);
  }
  if (fee.flat) {
    line.band = fee.flat->label;
  } else if (fee.band) {
    line.band = fmt::format("{}", *fee.band + 1);
    line.coefficient = tariff.annual.bands[*fee.band].coefficient;
  }
  line.method = std::string(method_key(fee.method));
  line.computed = fee.computed;
  line.amount = fee.fee;
  return line;
}

}  // namespace

IssuedBill semester_issue(const SemesterBill& bill, const Tariff& tariff, Date date) {
  IssuedBill out = addressed(*bill.entity, BillKind::kSemester, bill.period.str(), date);
  out.reference = semester_reference(bill.period, bill.entity->id);
  out.due = bill.due;
  out.tariff = tariff.id;
  for (const ServiceCharge& c : bill.lines) out.lines.push_back(charge_line(c, bill.period));
  for (const Settlement& s : bill.settlements) out.lines.push_back(settlement_line(s));
  out.total = bill.total;
  return out;
}

IssuedBill annual_issue(const AnnualFee& fee, const Tariff& tariff, Date date) {
  IssuedBill out = addressed(*fee.entity, BillKind::kAnnual, std::to_string(fee.year), date);
  out.reference = annual_reference(fee.year, fee.entity->id);
  out.due = fee.due;
  out.tariff = tariff.id;
  out.lines.push_back(fee_line(fee, tariff));
  out.total = fee.fee;
  return out;
}

SemesterBill semester_bill_of(const IssuedBill& issued, const Tariff& tariff,
                              const Entity& entity) {
  SemesterBill bill;
  bill.entity = &entity;
  bill.period = Period::parse(issued.period);
  bill.due = issued.due;
  for (const BillLine& line : issued.lines) {
    if (line.service == "conguaglio") {
      bill.settlements.push_back({Period::parse(line.period), line.billed_before.value_or(Money()),
                                  line.correct.value_or(line.amount)});
      continue;
    }
    ServiceCharge c;
    c.service = tariff.find_service(line.service);
    if (!c.service) {
      throw Error(Failure::kBadData, fmt::format("bill {}: service \"{}\" is not in tariff {}",
                                                 issued.number, line.service, tariff.id));
    }
    c.quantity = line.quantity.value_or(0);
    c.free = line.free.value_or(0);
    c.billable = line.billable.value_or(0);
    c.unit_price = line.unit_price.value_or(Money());
    c.amount = line.amount;
    c.allowance.allowance = line.allowance.value_or(0);
    c.allowance.used_before = line.used_before.value_or(0);
    c.allowance.left = std::max<std::int64_t>(0, c.allowance.allowance - c.allowance.used_before);
    bill.lines.push_back(c);
  }
  bill.total = issued.total;
  return bill;
}

Entity recipient_of(const IssuedBill& issued, const Entity& current) {
  Entity e = current;
  e.name = issued.name;
  e.tax_code = issued.tax_code;
  e.pec = issued.pec;
  if (issued.kind == BillKind::kSemester || issued.lines.empty()) return e;
  const BillLine& line = issued.lines.front();
  e.population = line.population;
  e.population_used.reset();
  if (line.population) {
    PopulationFigure f;
    f.residents = *line.population;
    f.year = line.population_year;
    e.population_used = f;
  }
  return e;
}

AnnualFee annual_fee_of(const IssuedBill& issued, const Tariff& tariff, const Entity& entity) {
  const BillLine& line = issued.lines.at(0);
  AnnualFee fee;
  fee.entity = &entity;
  fee.year = issued.year();
  fee.method = parse_method(line.method).value_or(Method::kFlat);
  fee.computed = line.computed.value_or(line.amount);
  fee.fee = line.amount;
  fee.due = issued.due;
  for (const FlatFee& flat : tariff.annual.flat_fees) {
    if (!line.coefficient && flat.label == line.band && flat.amount == fee.computed)
      fee.flat = &flat;
  }
  const std::size_t bands = tariff.annual.bands.size();
  if (!fee.flat && line.coefficient) {
    std::size_t n = 0;
    for (char c : line.band)
      n = c >= '0' && c <= '9' ? n * 10 + static_cast<std::size_t>(c - '0') : 0;
    if (n >= 1 && n <= bands) fee.band = n - 1;
  }
  if (!fee.flat && !fee.band) {
    throw Error(Failure::kBadData, fmt::format("bill {}: its band \"{}\" is not in tariff {}",
                                               issued.number, line.band, tariff.id));
  }
  return fee;
}

std::optional<IssuedBill> annual_correction(const AnnualFee& fee, const Tariff& tariff, Date date,
                                            const std::vector<IssuedBill>& entity_bills) {
  const std::string year = std::to_string(fee.year);
  const IssuedBill* first = issued_bill_for(entity_bills, BillKind::kAnnual, year);
  if (!first) return std::nullopt;
  const Settlement s{Period{fee.year, Half::H1}, annual_billed(entity_bills, fee.year), fee.fee};
  if (s.difference().is_zero()) return std::nullopt;
  IssuedBill out = addressed(*fee.entity, BillKind::kAnnualCorrection, year, date);
  out.reference = correction_reference(fee.year, fee.entity->id,
                                       annual_corrections(entity_bills, fee.year) + 1);
  out.due = correction_due(date, first->due);
  out.tariff = tariff.id;
  BillLine line = fee_line(fee, tariff);
  line.service = "rettifica_quota_annuale";
  line.billed_before = s.billed_before;
  line.correct = s.correct;
  line.amount = s.difference();
  out.lines.push_back(line);
  out.total = s.difference();
  return out;
}

}  // namespace citfee
