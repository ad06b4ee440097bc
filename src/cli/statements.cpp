#include "cli/statements.hpp"

namespace citfee::cli {

void add_statement_options(CLI::App& cmd, StatementOptions& o, bool of_bills) {
  CLI::Option* dir = cmd.add_option(
      "--statements", o.directory,
      of_bills ? "Write a PDF statement (in Italian) for each entity into DIR, made if missing, "
                 "and one PDF with them all for printing"
               : "Write the letters (PDF, in Italian) into DIR, made if missing, and one PDF "
                 "with them all for printing");
  dir->type_name("DIR");
  cmd.add_flag("--draft", o.draft,
               "With --statements: mark every page BOZZA; allowed without an IBAN")
      ->needs(dir);
  cmd.add_option("--iban", o.iban, "With --statements: the IBAN the entities pay to (checked)")
      ->needs(dir);
  cmd.add_option(
         "--issuer", o.issuer,
         "With --statements: TOML file whose keys replace the built-in issuer's (name, office, "
         "address, tax_code, pec, place, iban, signature, days_to_pay)")
      ->needs(dir);
  cmd.add_option("--date", o.date, "With --statements: the date of the statements (default: today)")
      ->needs(dir);
  if (!of_bills) return;
  CLI::Option* all = cmd.add_flag("--all", o.all,
                                  "With --statements: also for entities that owe nothing (the "
                                  "semester's default: Annex A gives every member its account)");
  all->needs(dir);
  cmd.add_flag("--owing,--only-due", o.only_due,
               "With --statements: semester letters only for entities that owe something")
      ->needs(dir)
      ->excludes(all);
  cmd.add_flag("--allow-late", o.allow_late,
               "With --statements: write letters dated after the due date (they then ask for "
               "payment days_to_pay days, 30 by default, after their date) or before the "
               "semester has ended")
      ->needs(dir);
}

}  // namespace citfee::cli
