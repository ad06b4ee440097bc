// Reading payments: bank amounts, a treasury's CSV, a camt.053 statement.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/payments.hpp"

using namespace citfee;

TEST_CASE("bank amounts: the last mark before two digits is the decimal one") {
  CHECK(parse_bank_amount("1.245,00") == Money::parse("1245.00"));
  CHECK(parse_bank_amount("1,245.00") == Money::parse("1245.00"));
  CHECK(parse_bank_amount("250") == Money::parse("250"));
  CHECK(parse_bank_amount("1.245.300") == Money::parse("1245300"));
  CHECK(parse_bank_amount("12.345.678,90") == Money::parse("12345678.90"));
  CHECK(parse_bank_amount("-50,00") == Money::parse("-50.00"));
  CHECK(parse_bank_amount("+ 1 245,00 €") == Money::parse("1245.00"));
  CHECK(parse_bank_amount("300,00 EUR") == Money::parse("300.00"));
}

TEST_CASE("bank amounts that are not written as either convention are refused") {
  for (const char* text : {"1245,5", "12,34,56", "1.245.00", "1.24,00", "12345.678,00", "", "abc",
                           "1,245,00", "12.3456", "1.245", "1,245", "503,001"}) {
    INFO(text);
    CHECK_THROWS_AS(parse_bank_amount(text), ValueError);
  }
}

TEST_CASE("a treasury's CSV in Italian, with a debit and a value date") {
  const std::string csv =
      "Data valuta;Importo;Causale;Ordinante;Codice fiscale;ID operazione;Saldo\n"
      "10/03/2027;298,00;CIT-QA-2027-017001;Comune di Acquafredda;00848860175;TX1;1.000,00\n"
      "11/03/2027;-5,00;commissioni;;;TX2;995,00\n"
      "2027-03-12 10:22;1.245,00;quota;Comune di Adro;;;2.240,00\n";
  Diagnostics diag;
  const PaymentsFile f = read_payments(csv, "tesoreria.csv", diag);
  REQUIRE(diag.ok());
  CHECK(f.format == "CSV");
  CHECK(f.outgoing == 1);
  REQUIRE(f.payments.size() == 2);
  CHECK(f.payments[0].date == Date{2027, 3, 10});
  CHECK(f.payments[0].amount == Money::parse("298.00"));
  CHECK(f.payments[0].description == "CIT-QA-2027-017001");
  CHECK(f.payments[0].payer == "Comune di Acquafredda");
  CHECK(f.payments[0].tax_code == "00848860175");
  CHECK(f.payments[0].bank_id == "TX1");
  CHECK(f.payments[0].line == 2);
  CHECK(f.payments[1].date == Date{2027, 3, 12});
  CHECK(f.payments[1].amount == Money::parse("1245.00"));
  CHECK(f.payments[1].bank_id.empty());
}

TEST_CASE("a payments CSV without an amount column, or with a bad date, is told") {
  Diagnostics diag;
  read_payments("date,description\n2027-03-10,x\n", "p.csv", diag);
  REQUIRE(diag.errors.size() == 1);
  CHECK(diag.errors[0].message.find("amount (importo, or accrediti)") != std::string::npos);
  Diagnostics bad;
  read_payments("date,amount,description\n31/02/2027,10.00,x\n", "p.csv", bad);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].where.line == 2);
}

namespace {

// Two credits (one booked by its code, one by plain text, in version 08's
// party layout) and a debit; and a credit still pending.
constexpr const char* kCamt = R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>M1</MsgId><CreDtTm>2027-04-01T08:00:00</CreDtTm></GrpHdr>
  <Stmt>
   <Id>S1</Id>
   <Ntry>
    <Amt Ccy="EUR">298.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
    <Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2027-03-10</Dt></BookgDt>
    <AcctSvcrRef>BANK-001</AcctSvcrRef>
    <NtryDtls><TxDtls>
     <RltdPties><Dbtr><Pty><Nm>Comune di Acquafredda</Nm>
      <Id><OrgId><Othr><Id>00848860175</Id></Othr></OrgId></Id></Pty></Dbtr></RltdPties>
     <RmtInf><Ustrd>CIT-QA-2027-017001</Ustrd><Ustrd>quota annuale</Ustrd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">1.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><Dt>2027-03-11</Dt></BookgDt>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">70.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
    <BookgDt><DtTm>2027-03-12T09:30:00</DtTm></BookgDt>
    <NtryDtls><TxDtls><Refs><AcctSvcrRef>BANK-002</AcctSvcrRef></Refs>
     <RltdPties><Dbtr><Nm>Comune di Adro</Nm></Dbtr></RltdPties>
     <RmtInf><Ustrd>QV-2026/0012</Ustrd></RmtInf></TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
    <BookgDt><Dt>2027-03-13</Dt></BookgDt>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>
)";

}  // namespace

TEST_CASE("a camt.053 statement gives its booked credits") {
  Diagnostics diag;
  const PaymentsFile f = read_payments(kCamt, "estratto.xml", diag);
  REQUIRE(diag.ok());
  CHECK(f.format == "camt.053");
  CHECK(f.outgoing == 1);
  CHECK(f.not_booked == 1);
  REQUIRE(f.payments.size() == 2);
  CHECK(f.payments[0].amount == Money::parse("298.00"));
  CHECK(f.payments[0].date == Date{2027, 3, 10});
  CHECK(f.payments[0].bank_id == "BANK-001");
  CHECK(f.payments[0].payer == "Comune di Acquafredda");
  CHECK(f.payments[0].tax_code == "00848860175");
  CHECK(f.payments[0].description == "CIT-QA-2027-017001 quota annuale");
  CHECK(f.payments[1].date == Date{2027, 3, 12});
  CHECK(f.payments[1].bank_id == "BANK-002");
  CHECK(f.payments[1].payer == "Comune di Adro");
}

TEST_CASE("XML that is not a statement, or not well formed, is told") {
  Diagnostics diag;
  read_payments("<html><body/></html>", "x.xml", diag);
  REQUIRE(diag.errors.size() == 1);
  CHECK(diag.errors[0].message.find("camt.053") != std::string::npos);
  Diagnostics broken;
  read_payments("<Document><BkToCstmrStmt>", "y.xml", broken);
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].message.find("not well-formed") != std::string::npos);
}

TEST_CASE("a batch entry of camt.053 is one payment per transaction") {
  const std::string xml = R"(<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.04"><BkToCstmrStmt><Stmt>
 <Ntry><Amt Ccy="EUR">368.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
  <BookgDt><Dt>2027-03-10</Dt></BookgDt><AcctSvcrRef>LOT-7</AcctSvcrRef>
  <NtryDtls>
   <TxDtls><Amt Ccy="EUR">298.00</Amt><RmtInf><Ustrd>CIT-QA-2027-017001</Ustrd></RmtInf></TxDtls>
   <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">70.00</Amt></TxAmt></AmtDtls>
    <Refs><AcctSvcrRef>T-2</AcctSvcrRef></Refs><RmtInf><Ustrd>QV-2026/0012</Ustrd></RmtInf></TxDtls>
  </NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>)";
  Diagnostics diag;
  const PaymentsFile f = read_payments(xml, "lotto.xml", diag);
  REQUIRE(diag.ok());
  REQUIRE(f.payments.size() == 2);
  CHECK(f.payments[0].amount == Money::parse("298.00"));
  CHECK(f.payments[0].bank_id == "LOT-7/1");
  CHECK(f.payments[0].description == "CIT-QA-2027-017001");
  CHECK(f.payments[1].amount == Money::parse("70.00"));
  CHECK(f.payments[1].bank_id == "T-2");
  CHECK(f.payments[1].date == Date{2027, 3, 10});
  // Transactions that do not add up to their entry are told.
  std::string wrong = xml;
  wrong.replace(wrong.find("368.00"), 6, "360.00");
  Diagnostics bad;
  read_payments(wrong, "lotto.xml", bad);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].message == "the transactions of the entry add up to 368.00, not its 360.00");
}

TEST_CASE("a bank export with credits and debits in two columns") {
  const std::string csv =
      "Data contabile;Data valuta;Descrizione operazione;Accrediti;Addebiti\n"
      "10/03/2027;11/03/2027;BONIFICO DA COMUNE DI ACQUAFREDDA CIT-QA-2027-017001;298,00;\n"
      "12/03/2027;12/03/2027;COMMISSIONI;;1,50\n";
  Diagnostics diag;
  const PaymentsFile f = read_payments(csv, "estratto.csv", diag);
  REQUIRE(diag.ok());
  CHECK(f.outgoing == 1);
  REQUIRE(f.payments.size() == 1);
  CHECK(f.payments[0].date == Date{2027, 3, 10});  // the booking date, not the value date
  CHECK(f.payments[0].amount == Money::parse("298.00"));
  CHECK(f.payments[0].description == "BONIFICO DA COMUNE DI ACQUAFREDDA CIT-QA-2027-017001");
}

TEST_CASE("the decimal mark of a bank amount is the file's") {
  CHECK(decimal_mark_of("298,00") == ',');
  CHECK(decimal_mark_of("1.245,00") == ',');
  CHECK(decimal_mark_of("1,245.00") == '.');
  CHECK(decimal_mark_of("1.245.300") == ',');
  CHECK(decimal_mark_of("1,245") == '\0');
  CHECK(decimal_mark_of("250") == '\0');
  CHECK(parse_bank_amount("1.245", ',') == Money::parse("1245"));
  CHECK(parse_bank_amount("1,245", '.') == Money::parse("1245"));
  CHECK_THROWS_WITH(parse_bank_amount("503,001", ','), Catch::Contains("has 3 decimals after ','"));
  CHECK_THROWS_WITH(parse_bank_amount("1,245"), Catch::Contains("could be 1245 or 1.245"));
}

TEST_CASE("a CSV whose amounts use a decimal comma reads a third decimal digit as one, refused") {
  const std::string csv =
      "data;importo;causale\n"
      "10/03/2027;298,00;quota\n"
      "11/03/2027;503,001;quota\n";
  Diagnostics diag;
  const PaymentsFile f = read_payments(csv, "t.csv", diag);
  REQUIRE(diag.errors.size() == 1);
  CHECK(diag.errors[0].where.line == 3);
  CHECK(diag.errors[0].message.find("3 decimals") != std::string::npos);
  // With no other amount to tell the mark, 1.245 is refused: 1245 or 1.245?
  Diagnostics alone;
  read_payments("date,amount,description\n2027-03-10,1.245,x\n", "u.csv", alone);
  REQUIRE(alone.errors.size() == 1);
  CHECK(alone.errors[0].where.line == 2);
  // Amounts with both marks the other way round in one file are refused.
  Diagnostics mixed;
  read_payments("date;amount;description\n2027-03-10;1.245,00;x\n2027-03-11;1,245.00;y\n", "m.csv",
                mixed);
  REQUIRE(mixed.errors.size() == 1);
  CHECK(mixed.errors[0].where.line == 3);
  // Where the file shows a decimal comma, 1.245 groups thousands.
  Diagnostics fine;
  const PaymentsFile g = read_payments(
      "date;amount;description\n2027-03-10;1.245;x\n2027-03-11;12,50;y\n", "g.csv", fine);
  REQUIRE(fine.ok());
  REQUIRE(g.payments.size() == 2);
  CHECK(g.payments[0].amount == Money::parse("1245"));
}

namespace {

std::string camt_entry(const std::string& amount, const std::string& id = "B-1",
                       const std::string& date = "2027-03-10", const std::string& details = "") {
  return "<Ntry><Amt Ccy=\"EUR\">" + amount +
         "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
         "<BookgDt><Dt>" +
         date + "</Dt></BookgDt><AcctSvcrRef>" + id + "</AcctSvcrRef>" + details + "</Ntry>\n";
}

std::string camt(const std::string& entries,
                 const std::string& ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02") {
  return "<?xml version=\"1.0\"?>\n<Document xmlns=\"" + ns + "\"><BkToCstmrStmt><Stmt>\n" +
         entries + "</Stmt></BkToCstmrStmt></Document>\n";
}

}  // namespace

TEST_CASE("camt.053 amounts: positive, at most two decimals, else told with their line") {
  for (const char* amount : {"-298.00", "298.001", "298.123456", "1e3", "+5.00", "12,50"}) {
    INFO(amount);
    Diagnostics diag;
    const PaymentsFile f = read_payments(camt(camt_entry(amount)), "s.xml", diag);
    REQUIRE(diag.errors.size() == 1);
    CHECK(diag.errors[0].where.line == 3);
    CHECK(f.payments.empty());
  }
  // A debit's amount is left out, but not a malformed one; an entry neither
  // credit nor debit is not left out silently.
  std::string debit = camt(camt_entry("-5.00"));
  debit.replace(debit.find("CRDT"), 4, "DBIT");
  Diagnostics signed_debit;
  read_payments(debit, "s.xml", signed_debit);
  REQUIRE(signed_debit.errors.size() == 1);
  CHECK(signed_debit.errors[0].message.find("negative") != std::string::npos);
  std::string neither = camt(camt_entry("5.00"));
  neither.replace(neither.find("CRDT"), 4, "CRED");
  Diagnostics unknown;
  read_payments(neither, "s.xml", unknown);
  REQUIRE(unknown.errors.size() == 1);
  CHECK(unknown.errors[0].message.find("\"CRED\"") != std::string::npos);
  // A credit without amount is told at its entry's line.
  std::string no_amount = camt(camt_entry("1.00"));
  no_amount.erase(no_amount.find("<Amt"), no_amount.find("<CdtDbtInd>") - no_amount.find("<Amt"));
  Diagnostics missing;
  read_payments(no_amount, "s.xml", missing);
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].where.line == 3);
  // A zero credit pays nothing: left out, counted.
  Diagnostics diag;
  const PaymentsFile f = read_payments(camt(camt_entry("0.00")), "s.xml", diag);
  REQUIRE(diag.ok());
  CHECK(f.payments.empty());
  CHECK(f.outgoing == 1);
}

TEST_CASE("camt.053 transactions of a batch: each amount positive and in EUR") {
  const auto batch = [](const std::string& a, const std::string& b, const std::string& ccy) {
    return camt(camt_entry("100.00", "LOT", "2027-03-10",
                           "<NtryDtls>\n<TxDtls><Amt Ccy=\"EUR\">" + a +
                               "</Amt></TxDtls>\n<TxDtls><Amt Ccy=\"" + ccy + "\">" + b +
                               "</Amt></TxDtls>\n</NtryDtls>"));
  };
  Diagnostics negative;
  CHECK(read_payments(batch("398.00", "-298.00", "EUR"), "s.xml", negative).payments.empty());
  REQUIRE(negative.errors.size() == 1);
  CHECK(negative.errors[0].message.find("negative") != std::string::npos);
  CHECK(negative.errors[0].where.line == 5);
  Diagnostics dollars;
  CHECK(read_payments(batch("50.00", "50.00", "USD"), "s.xml", dollars).payments.empty());
  REQUIRE(dollars.errors.size() == 1);
  CHECK(dollars.errors[0].message.find("USD") != std::string::npos);
  Diagnostics zero;
  const PaymentsFile f = read_payments(batch("100.00", "0.00", "EUR"), "s.xml", zero);
  REQUIRE(zero.ok());
  CHECK(f.payments.size() == 1);
  CHECK(f.outgoing == 1);
  // Transactions whose sum is beyond what an amount holds: told, not a crash.
  Diagnostics huge;
  read_payments(camt(camt_entry("9000000000000.00", "H", "2027-03-10",
                                "<NtryDtls><TxDtls><Amt Ccy=\"EUR\">5000000000000.00</Amt></TxDtls>"
                                "<TxDtls><Amt Ccy=\"EUR\">5000000000000.00</Amt></TxDtls>"
                                "</NtryDtls>")),
                "s.xml", huge);
  REQUIRE(huge.errors.size() == 1);
  CHECK(huge.errors[0].message.find("add up to more") != std::string::npos);
  // The one transaction of an entry in another currency is refused too.
  Diagnostics single;
  read_payments(camt(camt_entry("100.00", "X", "2027-03-10",
                                "<NtryDtls><TxDtls><Amt Ccy=\"USD\">100.00</Amt></TxDtls>"
                                "</NtryDtls>")),
                "s.xml", single);
  REQUIRE(single.errors.size() == 1);
}

TEST_CASE("a bank id twice in one file: the same transaction kept once, another refused") {
  Diagnostics same;
  const PaymentsFile f =
      read_payments(camt(camt_entry("298.00", "B-1") + camt_entry("298.00", "B-1")), "s.xml", same);
  REQUIRE(same.ok());
  REQUIRE(f.payments.size() == 1);
  CHECK(f.repeated == 1);
  REQUIRE(same.notes.size() == 1);
  CHECK(same.notes[0].str() ==
        "s.xml:4: transaction B-1 repeats line 3 of the same file (same "
        "amount and date): kept once");
  Diagnostics other;
  read_payments(camt(camt_entry("298.00", "B-1") + camt_entry("300.00", "B-1")), "s.xml", other);
  REQUIRE(other.errors.size() == 1);
  CHECK(other.errors[0].where.line == 4);
  CHECK(other.errors[0].message.find("line 3") != std::string::npos);
  Diagnostics csv;
  read_payments(
      "date,amount,description,transaction_id\n2027-03-10,298.00,a,T1\n2027-03-11,298.00,b,T1\n",
      "p.csv", csv);
  REQUIRE(csv.errors.size() == 1);
  CHECK(csv.errors[0].where.line == 3);
}

TEST_CASE("camt.053: a DOCTYPE, another namespace, or a text too long is refused") {
  Diagnostics doctype;
  std::string bomb = camt(camt_entry("1.00", "&e;"));
  bomb.insert(bomb.find("<Document"), "<!DOCTYPE Document [<!ENTITY e \"xxxxxxxxxx\">]>\n");
  CHECK(read_payments(bomb, "s.xml", doctype).payments.empty());
  REQUIRE(doctype.errors.size() == 1);
  CHECK(doctype.errors[0].message.find("DOCTYPE") != std::string::npos);
  CHECK(doctype.errors[0].where.line == 2);
  Diagnostics pain;
  read_payments(camt(camt_entry("1.00"), "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"), "s.xml",
                pain);
  REQUIRE(pain.errors.size() == 1);
  CHECK(pain.errors[0].message.find("pain.001") != std::string::npos);
  Diagnostics none;
  read_payments(camt(camt_entry("1.00"), ""), "s.xml", none);
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].message.find("no namespace") != std::string::npos);
  Diagnostics long_text;
  read_payments(camt(camt_entry("1.00", std::string(2001, 'x'))), "s.xml", long_text);
  REQUIRE(long_text.errors.size() == 1);
  CHECK(long_text.errors[0].where.line == 3);
  Diagnostics fits;
  CHECK(read_payments(camt(camt_entry("1.00", std::string(2000, 'x'))), "s.xml", fits)
            .payments.size() == 1);
}

TEST_CASE("camt.053 in UTF-16 is read as XML, and an unknown encoding is one message") {
  const std::string xml = camt(camt_entry("298.00"));
  std::string utf16 = "\xFF\xFE";
  for (char c : xml) {
    utf16 += c;
    utf16 += '\0';
  }
  Diagnostics diag;
  const PaymentsFile f = read_payments(utf16, "s.xml", diag);
  INFO((diag.errors.empty() ? "" : diag.errors[0].str()));
  REQUIRE(diag.ok());
  CHECK(f.format == "camt.053");
  CHECK(f.payments.size() == 1);
  // Big-endian, without a mark: told by its first bytes, "\0<\0?".
  std::string big;
  std::string declared = xml;
  declared.replace(declared.find("?>"), 0, " encoding=\"UTF-16BE\"");
  for (char c : declared) {
    big += '\0';
    big += c;
  }
  Diagnostics no_mark;
  const PaymentsFile g = read_payments(big, "s.xml", no_mark);
  INFO((no_mark.errors.empty() ? "" : no_mark.errors[0].str()));
  REQUIRE(no_mark.ok());
  CHECK(g.format == "camt.053");
  CHECK(g.payments.size() == 1);
  Diagnostics ebcdic;
  std::string odd = xml;
  odd.replace(odd.find("?>"), 0, " encoding=\"EBCDIC-XYZ\"");
  read_payments(odd, "e.xml", ebcdic);
  REQUIRE(ebcdic.errors.size() == 1);
  CHECK(ebcdic.errors[0].where.file == "e.xml");
}
