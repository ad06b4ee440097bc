// Raw event logs: the row rules with hand-computed counts, and the streaming
// reader against the general CSV reader (parse_csv) on tricky and random input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/event_tally.hpp"
#include "input/byte_source.hpp"
#include "input/csv.hpp"
#include "input/events/events_reader.hpp"
#include "input/tariff_source.hpp"
#include "output/formats.hpp"
#include "present/ledger_rows.hpp"
#include "support.hpp"

using namespace citfee;
using citfee::test::shipped;

namespace {

const std::vector<Entity>& members() {
  static const std::vector<Entity> entities = [] {
    std::vector<Entity> out;
    for (const char* id :
         {"017001", "017002", "CM01", "ENTE-CON-UN-ID-MOLTO-LUNGO", "Città1", "1234567890123456"}) {
      Entity e;
      e.id = id;
      e.name = std::string("Ente ") + id;
      e.type = EntityType::kComune;
      e.population = 3000;
      out.push_back(e);
    }
    return out;
  }();
  return entities;
}

// What a read gave: the counts as ledger rows, the problems and the stats.
struct Outcome {
  std::string ledger;
  std::vector<std::string> problems;
  EventStats stats;
};

std::string ledger_text(const EventTally& tally) {
  UsageLedger ledger;
  tally.fill(ledger, members(), shipped());
  const Report report = ledger_report(ledger, members(), shipped(), std::nullopt);
  return render(report, "csv", WriteOptions{});
}

std::vector<std::string> messages(const Diagnostics& diag) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.errors) out.push_back(d.str());
  return out;
}

// parse_csv reports the problems of CSV syntax in a first pass, the row rules
// then report theirs: the same messages, which the streaming reader gives in
// the order of the lines.
std::vector<std::string> messages_by_line(Diagnostics diag) {
  std::stable_sort(
      diag.errors.begin(), diag.errors.end(),
      [](const Diagnostic& a, const Diagnostic& b) { return a.where.line < b.where.line; });
  return messages(diag);
}

Outcome stream(const std::string& text, std::optional<Period> last = std::nullopt,
               bool sorted = false, std::size_t chunk = SIZE_MAX, std::size_t block = 256 * 1024,
               unsigned threads = 1, std::uint64_t min_part = 16 << 20) {
  const EventContext context(members(), shipped(), last);
  EventTally tally = context.new_tally();
  Outcome out;
  Diagnostics diag;
  EventReaderOptions options;
  options.block_size = block;
  options.threads = threads;
  options.min_part = min_part;
  auto source = memory_byte_source(text, chunk);
  read_events(*source, "log.csv", context, tally, out.stats, diag, options);
  out.ledger = ledger_text(tally);
  out.problems = sorted ? messages_by_line(diag) : messages(diag);
  return out;
}

Outcome by_table(const std::string& text, std::optional<Period> last = std::nullopt) {
  const EventContext context(members(), shipped(), last);
  EventTally tally = context.new_tally();
  Outcome out;
  Diagnostics diag;
  const CsvTable table = parse_csv(text, "log.csv", diag);
  if (!read_events_table(table, context, tally, out.stats, diag)) {
    // The header is wrong: the problems of the rows after it, which follow
    // from it, are not worth reporting (nor does read_events).
    const int header = table.header_line == 0 ? INT_MAX : table.header_line;
    std::erase_if(diag.errors, [&](const Diagnostic& d) { return d.where.line > header; });
  }
  out.ledger = ledger_text(tally);
  out.problems = messages_by_line(diag);
  return out;
}

void require_same(const Outcome& fast, const Outcome& general) {
  CHECK(fast.ledger == general.ledger);
  CHECK(fast.problems == general.problems);
  CHECK(fast.stats.rows == general.stats.rows);
  CHECK(fast.stats.before_convention == general.stats.before_convention);
  CHECK(fast.stats.after_period == general.stats.after_period);
}

// The streaming reader in every way it can cut the input, against parse_csv.
void check_against_general(const std::string& text, std::optional<Period> last = std::nullopt) {
  INFO("input: " << text);
  const Outcome general = by_table(text, last);
  for (std::size_t chunk :
       {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, SIZE_MAX}) {
    for (std::size_t block : {std::size_t{1}, std::size_t{5}, std::size_t{64}, std::size_t{4096}}) {
      for (unsigned threads : {1U, 2U, 3U}) {
        INFO("chunk " << chunk << ", block " << block << ", threads " << threads);
        require_same(stream(text, last, true, chunk, block, threads, 1), general);
      }
    }
  }
}

std::string row(const std::string& entity, const std::string& period, const std::string& service,
                std::int64_t quantity, const std::string& price = "") {
  return entity + ",Ente " + entity + "," + period + "," + service + "," +
         std::to_string(quantity) + "," + price + "\n";
}

const std::string kLedgerHeader = "id,name,period,service,quantity,unit_price\n";

}  // namespace

TEST_CASE("ShortKey reads the same key from a padded buffer and from a copy") {
  const std::string text = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (std::size_t size = 0; size <= ShortKey::kMax; ++size) {
    INFO("size " << size);
    CHECK(ShortKey::of_padded(text.data(), size) == ShortKey::of(text.substr(0, size)));
    // Another text of the same size, or the same bytes and one more, differ.
    if (size > 0)
      CHECK_FALSE(ShortKey::of_padded(text.data() + 1, size) == ShortKey::of(text.substr(0, size)));
    if (size < ShortKey::kMax)
      CHECK_FALSE(ShortKey::of_padded(text.data(), size) == ShortKey::of(text.substr(0, size + 1)));
  }
  // A text longer than a key matches no key read from a buffer.
  CHECK_FALSE(ShortKey::of(text.substr(0, 17)) == ShortKey::of_padded(text.data(), 16));
}

TEST_CASE("Events add up per entity, semester and service; quantity 1 unless given") {
  const std::string log =
      "id,date,service,quantity\n"
      "017001,2026-01-15,telemaco,\n"   // 1 unit, H1
      "017001,15/03/2026,telemaco,5\n"  // Italian date, H1
      "017001,2026-06-30,telemaco,1\n"  // last day of H1
      "017001,2026-07-01,telemaco,2\n"  // first day of H2
      "017002,29/02/2028,pec,3\n"       // a leap day
      "CM01,2026-12-31,firme,0\n";      // zero units: nothing to bill
  const Outcome out = stream(log);
  CHECK(out.problems.empty());
  CHECK(out.stats.rows == 6);
  CHECK(out.ledger == kLedgerHeader + row("017001", "2026-H1", "telemaco", 7) +
                          row("017001", "2026-H2", "telemaco", 2) +
                          row("017002", "2028-H1", "pec", 3));
}

TEST_CASE(
    "Events before the convention and after the last period are set aside, not checked against "
    "entities") {
  const std::string log =
      "id,date,service\n"
      "017001,2025-12-31,telemaco\n"  // the previous convention
      "UNKNOWN,2025-06-01,nothing\n"  // the same: not an error
      "017001,2026-12-31,telemaco\n"
      "UNKNOWN,2027-01-01,nothing\n"  // after 2026-H2: not an error
      "017002,2027-01-01,pec\n";
  const Outcome out = stream(log, Period::parse("2026-H2"));
  CHECK(out.problems.empty());
  CHECK(out.stats.rows == 5);
  CHECK(out.stats.before_convention == 2);
  CHECK(out.stats.after_period == 2);
  CHECK(out.ledger == kLedgerHeader + row("017001", "2026-H2", "telemaco", 1));
}

TEST_CASE(
    "Every row is checked, even outside the periods counted; problems name file, line and column") {
  const std::string log =
      "id,date,service,quantity\n"
      "017001,2025-02-30,telemaco,1\n"      // 2: not a day, though before the convention
      "UNKNOWN,2026-03-01,telemaco,1\n"     // 3: unknown id in range
      "017001,2026-03-01,telemacco,1\n"     // 4: misspelt service
      "017001,2026-03-01,telemaco,1.000\n"  // 5: thousands separator
      "017001,2026-03-01,formazione,1\n"    // 6: per-event price missing
      ",2030-01-01,,\n"                     // 7: empty id and service, though after the period
      "017001,2026-3-1,telemaco,1\n";       // 8: not a date
  const Outcome out = stream(log, Period::parse("2026-H2"));
  const std::vector<std::string> expected = {
      "log.csv:2:2: date \"2025-02-30\" is not a day of the calendar",
      "log.csv:3:1: id \"UNKNOWN\" is not in the entities file: add the entity or correct the id",
      "log.csv:4:3: service \"telemacco\" is not in the tariff cit-2026: write one of firme, "
      "rinnovi, pec, "
      "telemaco, formazione",
      "log.csv:5:4: quantity \"1.000\" has a thousands separator: write 1000",
      "log.csv:6:3: service formazione is priced per event: give its unit_price in a unit_price "
      "column, e.g. 25.00",
      "log.csv:7:1: id is empty: write the id of the entity, as in the entities file",
      "log.csv:7:3: service is empty: write a service key, e.g. telemaco",
      "log.csv:8:2: date \"2026-3-1\" is not a date (write YYYY-MM-DD or DD/MM/YYYY)",
  };
  CHECK(out.problems == expected);
  CHECK(out.ledger == kLedgerHeader);
}

TEST_CASE(
    "unit_price: required per event, refused for a priced service, Italian decimal comma with "
    "';'") {
  const std::string log =
      "id;date;service;quantity;unit_price\n"
      "017001;2026-03-01;formazione;2;45,00\n"
      "017001;2026-03-02;formazione;1;30.00\n"
      "017001;2026-03-03;formazione;1;45.00\n"
      "017001;2026-03-04;telemaco;1;0,70\n";  // 5: the tariff prices it
  const Outcome out = stream(log);
  REQUIRE(out.problems.size() == 1);
  CHECK(
      out.problems[0] ==
      "log.csv:5:5: service telemaco has a price in the tariff (0.70 EUR): leave unit_price empty");
  // Prices in the order they first appear, as in the long usage layout.
  CHECK(out.ledger == kLedgerHeader + row("017001", "2026-H1", "formazione", 3, "45.00") +
                          row("017001", "2026-H1", "formazione", 1, "30.00"));
}

TEST_CASE(
    "BOM, CRLF, quotes, blank lines, case and blanks are read as the general reader reads them") {
  const std::string log =
      "\xEF\xBB\xBF"
      "ID,Date,Service,Quantity\r\n"
      "\"017001\",\"2026-01-02\",\"telemaco\",\"2\"\r\n"
      "\r\n"
      ",,,\r\n"
      " 017001 , 2026-01-03 , Telemaco , 3 \r\n"
      "\"CM01\",2026-08-01,\"pec\",\"1\"\r\n"
      "\"ENTE-CON-UN-ID-MOLTO-LUNGO\",2026-08-01,firme,1\r\n"
      "Città1,2026-08-01,rinnovi,4";  // no line end at the end
  const Outcome out = stream(log);
  CHECK(out.problems.empty());
  CHECK(out.stats.rows == 5);
  CHECK(out.ledger == kLedgerHeader + row("017001", "2026-H1", "telemaco", 5) +
                          row("CM01", "2026-H2", "pec", 1) +
                          row("ENTE-CON-UN-ID-MOLTO-LUNGO", "2026-H2", "firme", 1) +
                          row("Città1", "2026-H2", "rinnovi", 4));
  check_against_general(log);
}

TEST_CASE(
    "A quoted field may hold delimiters and line breaks: the lines after it keep their numbers") {
  const std::string log =
      "id,name,date,service\n"
      "017001,\"Comune, di\nAcquafredda\",2026-01-02,telemaco\n"  // lines 2-3
      "UNKNOWN,x,2026-01-02,telemaco\n";                          // line 4
  const Outcome out = stream(log);
  REQUIRE(out.problems.size() == 1);
  CHECK(
      out.problems[0] ==
      "log.csv:4:1: id \"UNKNOWN\" is not in the entities file: add the entity or correct the id");
  CHECK(out.ledger == kLedgerHeader + row("017001", "2026-H1", "telemaco", 1));
  check_against_general(log);
}

TEST_CASE("The header of an events file is checked") {
  // Repeated columns: the rows are not read, so their lengths are not told.
  const Outcome twice = stream("id,date,service,date\n017001,2026-01-01\n");
  CHECK(twice.problems ==
        std::vector<std::string>{"log.csv:1:4: column \"date\" appears twice in the header"});
  check_against_general("id,date,service,date\n017001,2026-01-01\n");
  CHECK(stream("").problems ==
        std::vector<std::string>{"log.csv:1: the file is empty: it needs a header line such as "
                                 "id,date,service,quantity,unit_price"});
  const Outcome usage = stream("id,period,service,quantity\n017001,2026-H1,telemaco,3\n");
  REQUIRE(usage.problems.size() == 2);
  CHECK(usage.problems[0] ==
        "log.csv:1: the header has no \"date\" column (found: id,period,service,quantity; "
        "expected e.g. id,date,service,quantity,unit_price)");
  CHECK(usage.problems[1].find("log.csv:1:2: column \"period\" belongs to a usage file") == 0);
  CHECK(usage.stats.rows == 0);
}

TEST_CASE("Malformed rows are reported like the general reader's, with their lines") {
  const std::string log =
      "id,date,service\n"
      "017001,2026-01-02\n"                // 2: too few fields
      "017001,2026-01-02,telemaco,9\n"     // 3: too many
      "017001,\"2026-01-02\"x,telemaco\n"  // 4: text after a closing quote
      "017001,2026-01-02,tele\xff\n"       // 5: not UTF-8
      "017001,2026-01-02,telemaco\r"       // 6: a lone CR ends the line
      "017002,2026-01-02,pec\n"            // 7
      "017001,\"2026-01-02,telemaco\n";    // 8: a quote never closed
  const Outcome general = by_table(log);
  CHECK(general.problems.size() == 5);
  CHECK(general.ledger == kLedgerHeader + row("017001", "2026-H1", "telemaco", 1) +
                              row("017002", "2026-H1", "pec", 1));
  check_against_general(log);
}

TEST_CASE("Beyond the limit, problems are counted, not kept") {
  std::string log = "id,date,service\n";
  for (int i = 0; i < 1500; ++i) log += "UNKNOWN,2026-01-02,telemaco\n";
  const Outcome out = stream(log);
  REQUIRE(out.problems.size() == 1001);
  CHECK(out.problems[999].find("log.csv:1001:1:") == 0);
  CHECK(out.problems[1000] ==
        "log.csv: 500 more problem(s) in this file, not shown: correct the ones above and "
        "check again");
}

TEST_CASE("A part that begins inside a quoted field is read again by the part before") {
  // A long quoted name with line breaks, so that a part starts inside it.
  std::string log = "id,name,date,service\n";
  for (int i = 0; i < 50; ++i) log += "017001,x,2026-01-02,telemaco\n";
  log += "017002,\"";
  for (int i = 0; i < 200; ++i) log += "a line of a long quoted name\n";
  log += "\",2026-01-02,pec\n";
  for (int i = 0; i < 50; ++i) log += "CM01,y,2026-08-02,firme\n";
  log += "UNKNOWN,z,2026-08-02,firme\n";
  const Outcome general = by_table(log);
  REQUIRE(general.problems.size() == 1);
  CHECK(general.problems[0].find("log.csv:303:1:") == 0);
  for (unsigned threads : {2U, 3U, 4U, 7U}) {
    INFO("threads " << threads);
    require_same(stream(log, std::nullopt, true, SIZE_MAX, 4096, threads, 1), general);
  }
}

TEST_CASE("Inputs the fuzz target found: a bad header, a BOM cut short, repeated columns") {
  // A header of blanks only: no column has a name.
  check_against_general(
      "\t\t\r\t7001,2026-03-01,te\xec"
      "emaco\n01\x10\xd9\x01");
  // A BOM, then a blank line: the delimiter is told from the line after.
  check_against_general("\xef\xbb\xbf\nid;date;service\r\n017001;2026-01-02;pec\r\n");
  CHECK(stream("\xef\xbb\xbf\nid;date;service\r\n017001;2026-01-02;pec\r\n", std::nullopt, false, 2,
               1)
            .ledger == kLedgerHeader + row("017001", "2026-H1", "pec", 1));
  // Each once differed between the two readers (the first byte, which
  // chooses the cuts, left out: every cut is tried).
  check_against_general(
      std::string("\xef"
                  "*\xbf"
                  "DI;DATE;SERVIpec\";3;\x0d"
                  "\n"
                  "017001;20210-05;\";2date12-31;\"telemac\x0d"
                  "VICE;017001;017001;1tgle\xff"
                  "\xff"
                  "DDAs\x0b"
                  "\x00"
                  "\x00"
                  "\x00"
                  "\x00"
                  "\x00"
                  "\x00"
                  "",
                  100));
  check_against_general(
      "id,date,service,quantity,\x05id,date,service,quantity,unit_price\n017001,2025-11-20,t\n");
  check_against_general(
      "\xef\xbb?ID;DATE;SERVICE;QUANTITY;Unit_Price\r\n017001;2025-11-20;\"telemaco\";40;\r\n");
}

TEST_CASE("Streaming reader against parse_csv on random logs") {
  // Pieces of rows, good and bad; a row is a random pick of each, joined by
  // a random delimiter and ended by a random line end.
  const std::vector<std::string> ids = {"017001",
                                        "017002",
                                        "CM01",
                                        "\"017001\"",
                                        " 017002",
                                        "UNKNOWN",
                                        "",
                                        "ENTE-CON-UN-ID-MOLTO-LUNGO",
                                        "Città1",
                                        "\"01,7\"",
                                        "1234567890123456",
                                        "12345678901234567"};
  const std::vector<std::string> dates = {
      "2026-01-31", "31/07/2026", "2025-12-31",     "2027-01-01", "2026-02-29", "29/02/2028",
      "2026-13-01", "",           "\"2026-03-03\"", "2026-3-3",   "x026-01-01", " 2026-05-05"};
  const std::vector<std::string> services = {"telemaco",   "pec",        "firme",         "rinnovi",
                                             "formazione", "Telemaco",   "nothing",       "",
                                             "\"pec\"",    "tele\"maco", "\"tele\nmaco\""};
  const std::vector<std::string> quantities = {"",   "1",     "7",           "007", "0",
                                               "-1", "1.000", "99999999999", "x",   " 2"};
  const std::vector<std::string> prices = {"", "", "", "45.00", "12,50", "-1", "abc"};
  const std::vector<std::string> ends = {"\n", "\n", "\n", "\r\n", "\r", "\n\n", "\xff\n"};
  std::mt19937 random(20260101);
  const auto pick = [&](const std::vector<std::string>& from) {
    return from[random() % from.size()];
  };
  for (int round = 0; round < 60; ++round) {
    const bool semicolon = random() % 4 == 0;
    const bool with_price = random() % 2 == 0;
    const char d = semicolon ? ';' : ',';
    std::string log = random() % 5 == 0 ? "\xEF\xBB\xBF" : "";
    log += std::string("id") + d + "date" + d + "service" + d + "quantity" +
           (with_price ? std::string(1, d) + "unit_price" : "") + "\n";
    const int rows = 1 + static_cast<int>(random() % 40);
    for (int r = 0; r < rows; ++r) {
      log += pick(ids) + d + pick(dates) + d + pick(services) + d + pick(quantities);
      if (with_price) log += d + pick(prices);
      if (random() % 15 == 0) log += d;  // a field too many
      log += pick(ends);
    }
    if (random() % 3 == 0) log.pop_back();  // no line end at the end
    const std::optional<Period> last =
        random() % 2 ? std::optional<Period>(Period::parse("2026-H2")) : std::optional<Period>();
    check_against_general(log, last);
  }
}

TEST_CASE("A long log streams through small blocks and threads with the same counts") {
  std::string log = "id,date,service,quantity\n";
  std::mt19937 random(7);
  const char* const ids[] = {"017001", "017002", "CM01"};
  const char* const services[] = {"telemaco", "pec", "firme", "rinnovi"};
  std::int64_t expected_telemaco_h1 = 0;  // for 017001 in 2026-H1, counted here
  for (int i = 0; i < 20000; ++i) {
    const char* id = ids[random() % 3];
    const char* service = services[random() % 4];
    const int month = 1 + static_cast<int>(random() % 12);
    const int quantity = 1 + static_cast<int>(random() % 3);
    char line[64];
    std::snprintf(line, sizeof line, "%s,2026-%02d-10,%s,%d\n", id, month, service, quantity);
    log += line;
    if (std::string(id) == "017001" && std::string(service) == "telemaco" && month <= 6) {
      expected_telemaco_h1 += quantity;
    }
  }
  const Outcome general = by_table(log);
  REQUIRE(general.problems.empty());
  CHECK(general.ledger.find("017001,Ente 017001,2026-H1,telemaco," +
                            std::to_string(expected_telemaco_h1) + ",\n") != std::string::npos);
  for (unsigned threads : {1U, 2U, 4U}) {
    for (std::size_t block : {std::size_t{100}, std::size_t{65536}}) {
      require_same(stream(log, std::nullopt, true, 997, block, threads, 1), general);
    }
  }
}

TEST_CASE("EventTally merges parts in order and fills the ledger") {
  const Tariff& t = shipped();
  EventTally first(2, t.services.size(), Period::parse("2026-H1"));
  EventTally later(2, t.services.size(), Period::parse("2026-H1"));
  const std::size_t formazione = 4;
  REQUIRE(t.services[formazione].key == "formazione");
  first.add(0, Period::parse("2026-H2").ordinal(), 3, 5);
  first.add_priced(1, Period::parse("2026-H1").ordinal(), formazione, Money::parse("45"), 1);
  later.add(0, Period::parse("2026-H2").ordinal(), 3, 7);
  later.add(1, Period::parse("2030-H1").ordinal(), 0, 1);
  later.add_priced(1, Period::parse("2026-H1").ordinal(), formazione, Money::parse("30"), 2);
  later.add_priced(1, Period::parse("2026-H1").ordinal(), formazione, Money::parse("45"), 3);
  first.merge(later);
  CHECK(first.quantity(0, Period::parse("2026-H2").ordinal(), 3) == 12);
  CHECK(first.quantity(1, Period::parse("2030-H1").ordinal(), 0) == 1);
  CHECK(first.quantity(1, Period::parse("2029-H1").ordinal(), 0) == 0);
  std::vector<Entity> two(members().begin(), members().begin() + 2);
  UsageLedger ledger;
  first.fill(ledger, two, t);
  CHECK(ledger.quantity("017001", Period::parse("2026-H2"), "telemaco") == 12);
  const auto& lines = ledger.lines("017002", Period::parse("2026-H1"), "formazione");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].unit_price == Money::parse("45"));
  CHECK(lines[0].quantity == 4);
  CHECK(lines[1].unit_price == Money::parse("30"));
  CHECK(lines[1].quantity == 2);
  EventTally full(1, t.services.size(), Period::parse("2026-H1"));
  full.add(0, Period::parse("2026-H1").ordinal(), 0, INT64_MAX);
  CHECK_THROWS_AS(full.add(0, Period::parse("2026-H1").ordinal(), 0, 1), OverflowError);
}
