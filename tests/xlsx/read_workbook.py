"""Workbooks as inputs: citfee reads .xlsx entities, usage and populations files.

    read_workbook.py CITFEE DATA_DIR

Each test makes a workbook with openpyxl from one of the CSV files of the test
data, as the office would by opening the CSV in Excel and saving it, runs
citfee on the workbook and on the CSV, and compares the whole outputs: the
same bills must come out of both. Exits 77 (skipped) when openpyxl is not
installed.
"""

import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    import openpyxl
except ImportError:
    print("SKIPPED: python3-openpyxl is not installed (scripts/install-deps.sh installs it)")
    sys.exit(77)

CITFEE = os.path.abspath(sys.argv[1])
NUMBER_IDS = ("enti.xlsx:Foglio1: the id column holds numbers: Excel drops leading zeros; "
              "format the column as text")
DATA_DIR = os.path.abspath(sys.argv[2])


def csv_rows(name):
    with open(os.path.join(DATA_DIR, name), newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def as_number(text):
    """A cell as Excel stores what it recognises as a number."""
    try:
        return int(text)
    except ValueError:
        return text


def save_workbook(path, rows, numbers=(), sheet="Foglio1", before=None, dates=()):
    """Writes `rows` to a sheet; columns named in `numbers` as numbers, in
    `dates` as dates; `before` is a sheet put in front of it."""
    wb = openpyxl.Workbook()
    first = wb.active
    if before:
        first.title = before
        first.append(["not", "this", "sheet"])
        ws = wb.create_sheet(sheet)
    else:
        first.title = sheet
        ws = first
    header = rows[0]
    ws.append(header)
    for row in rows[1:]:
        cells = []
        for name, value in zip(header, row):
            if name in numbers and value != "":
                cells.append(as_number(value))
            elif name in dates and value != "":
                cells.append(datetime.date.fromisoformat(value))
            elif value == "":
                cells.append(None)
            else:
                cells.append(value)
        ws.append(cells)
    # A text that begins with "=" is text in the CSV: openpyxl would make it a formula.
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for name in dates:
        column = header.index(name) + 1
        for cell in ws.iter_rows(min_row=2, min_col=column, max_col=column):
            cell[0].number_format = "DD/MM/YYYY"
    wb.save(path)


def run(args, cwd):
    p = subprocess.run([CITFEE] + args, cwd=cwd, capture_output=True, text=True,
                       env=dict(os.environ, CITFEE_TODAY="2027-01-15"))
    return p.returncode, p.stdout, p.stderr


class Workbooks(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="citfee-xlsx-in-")
        for name in ("enti.csv", "consumi-long.csv", "enti-anni.csv", "popolazioni.csv",
                     "enti-istat.csv"):
            shutil.copy(os.path.join(DATA_DIR, name), self.dir)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def same_as_csv(self, xlsx_args, csv_args):
        got = run(xlsx_args, self.dir)
        want = run(csv_args, self.dir)
        self.assertEqual(want[0], 0, want[2])
        self.assertEqual(got[0], 0, got[2])
        self.assertEqual(got[1], want[1])
        return got

    def test_entities_with_text_ids(self):
        save_workbook(self.path("enti.xlsx"), csv_rows("enti.csv"), numbers={"population"})
        self.same_as_csv(["annual", "--year", "2027", "--entities", "enti.xlsx", "-O", "csv"],
                         ["annual", "--year", "2027", "--entities", "enti.csv", "-O", "csv"])

    def test_entities_with_numeric_ids_lose_their_zeros(self):
        save_workbook(self.path("enti.xlsx"), csv_rows("enti.csv"), numbers={"id", "population"})
        status, out, err = run(["annual", "--year", "2027", "--entities", "enti.xlsx", "-O", "csv"],
                               self.dir)
        self.assertEqual(status, 0, err)
        ids = [line.split(",")[0] for line in out.splitlines()[1:]]
        self.assertIn("17001", ids)
        self.assertNotIn("017001", ids)
        self.assertEqual(err.count(NUMBER_IDS), 1, err)

    def test_numeric_ids_are_told_once_by_annual_semester_and_check(self):
        # Every code a number and all of one length: no id is shorter than the
        # others, yet Excel has dropped every zero.
        rows = csv_rows("enti.csv")
        save_workbook(self.path("enti.xlsx"), rows, numbers={"id", "population"})
        usage = [[str(int(row[0])) if row[0].isdigit() else row[0]] + row[1:]
                 for row in csv_rows("consumi-long.csv")]
        with open(self.path("consumi-numeri.csv"), "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(usage)
        for args in (["annual", "--year", "2027", "-O", "csv"],
                     ["semester", "--period", "2026-H2", "--usage", "consumi-numeri.csv", "-O",
                      "csv"],
                     ["check", "--year", "2027"]):
            status, _, err = run(args + ["--entities", "enti.xlsx"], self.dir)
            self.assertEqual(status, 0, err)
            self.assertEqual(err.count(NUMBER_IDS), 1, (args, err))
        # Ids as text: nothing to tell.
        save_workbook(self.path("enti.xlsx"), rows, numbers={"population"})
        status, _, err = run(["check", "--year", "2027", "--entities", "enti.xlsx"], self.dir)
        self.assertEqual(status, 0, err)
        self.assertNotIn("holds numbers", err)

    def test_usage_workbook_bills_as_the_csv(self):
        save_workbook(self.path("consumi.xlsx"), csv_rows("consumi-long.csv"),
                      numbers={"quantity"})
        common = ["semester", "--period", "2026-H2", "--entities", "enti.csv", "--by", "line",
                  "-O", "csv", "--usage"]
        self.same_as_csv(common + ["consumi.xlsx"], common + ["consumi-long.csv"])

    def test_populations_workbook_and_dates(self):
        save_workbook(self.path("popolazioni.xlsx"), csv_rows("popolazioni.csv"),
                      numbers={"year", "population"})
        save_workbook(self.path("enti-anni.xlsx"), csv_rows("enti-anni.csv"),
                      numbers={"population", "population_2025", "population_2026", "left"},
                      dates={"joined"})
        self.same_as_csv(
            ["annual", "--year", "2027", "--entities", "enti-istat.csv", "--populations",
             "popolazioni.xlsx", "-O", "csv"],
            ["annual", "--year", "2027", "--entities", "enti-istat.csv", "--populations",
             "popolazioni.csv", "-O", "csv"])
        self.same_as_csv(["annual", "--year", "2026", "--entities", "enti-anni.xlsx", "-O", "csv"],
                         ["annual", "--year", "2026", "--entities", "enti-anni.csv", "-O", "csv"])

    def test_sheet_by_name(self):
        save_workbook(self.path("enti.xlsx"), csv_rows("enti.csv"), sheet="Enti", before="Note")
        self.same_as_csv(["annual", "--year", "2027", "--entities", "enti.xlsx", "--sheet", "Enti",
                          "-O", "csv"],
                         ["annual", "--year", "2027", "--entities", "enti.csv", "-O", "csv"])
        status, out, err = run(["annual", "--year", "2027", "--entities", "enti.xlsx", "--sheet",
                                "Foglio9"], self.dir)
        self.assertEqual(status, 65)
        self.assertEqual(out, "")
        self.assertIn('enti.xlsx: no sheet "Foglio9" in the workbook: it has "Note", "Enti"', err)

    def test_problem_names_sheet_row_and_column(self):
        rows = csv_rows("enti.csv")
        rows[3][3] = "2.55O"  # row 4 of the sheet, column D
        save_workbook(self.path("enti.xlsx"), rows)
        status, out, err = run(["annual", "--year", "2027", "--entities", "enti.xlsx"], self.dir)
        self.assertEqual(status, 65)
        self.assertEqual(out, "")
        self.assertIn("enti.xlsx:Foglio1:4:D:", err)

    def test_formula_without_saved_result(self):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Foglio1"
        ws.append(["id", "name", "type", "population"])
        ws.append(["017001", "Comune di Acquafredda", "comune", "=1500+79"])
        wb.save(self.path("enti.xlsx"))
        status, out, err = run(["annual", "--year", "2027", "--entities", "enti.xlsx"], self.dir)
        self.assertEqual(status, 65)
        self.assertEqual(out, "")
        self.assertIn("enti.xlsx:Foglio1:2:D: a formula whose result was never saved", err)

    def test_old_excel_and_damaged_workbooks_are_refused(self):
        with open(self.path("enti.xls"), "wb") as f:
            f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
        status, _, err = run(["annual", "--year", "2027", "--entities", "enti.xls"], self.dir)
        self.assertEqual(status, 65)
        self.assertIn("Excel 97-2003", err)
        with open(self.path("rotto.xlsx"), "wb") as f:
            f.write(b"PK\x03\x04" + b"\0" * 100)
        status, _, err = run(["annual", "--year", "2027", "--entities", "rotto.xlsx"], self.dir)
        self.assertEqual(status, 65)
        self.assertIn("rotto.xlsx: not a readable workbook", err)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)
