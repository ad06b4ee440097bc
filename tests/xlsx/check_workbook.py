"""Reads back the XLSX workbooks citfee writes and checks values, types and formulas.

    check_workbook.py CITFEE DATA_DIR [unittest names...]

The expected fees are computed here, independently of citfee: the annual fees
from the entities file with Python's Decimal and the rules of the Convention,
the semester fees worked out by hand from the usage files (see SEMESTER_LINES).
Exits 77 (skipped) when openpyxl is not installed.
"""

import csv
import datetime
import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from decimal import ROUND_HALF_UP, Decimal

try:
    import openpyxl
except ImportError:
    print("SKIPPED: python3-openpyxl is not installed (scripts/install-deps.sh installs it)")
    sys.exit(77)

CITFEE = os.path.abspath(sys.argv[1])
DATA_DIR = os.path.abspath(sys.argv[2])
# The Comuni of Italy with their populations, beside the repository when present.
SHARED_DATA = os.environ.get("CITFEE_SHARED_DATA", "")

ANNUAL_COLUMNS = ["id", "name", "type", "population", "band", "coefficient", "computed",
                  "annual_fee", "due_date"]
LINE_COLUMNS = ["id", "name", "period", "service", "quantity", "free", "billable", "unit_price",
                "amount", "due_date"]
ENTITY_COLUMNS = ["id", "name", "period", "amount", "due_date"]

# Annex A of the Convention 2026-2036: coefficient by population band, and the
# flat fee of the entities that are not Comuni (the capoluogo pays it too).
BANDS = [(5000, Decimal("0.19")), (10000, Decimal("0.175")), (15000, Decimal("0.145")),
         (None, Decimal("0.14"))]
FLAT_FEE = Decimal("300")
FLAT_TYPES = {"capoluogo", "comunita_montana", "unione_comuni", "azienda_speciale"}
ITALIAN_TYPES = {"comunità montana": "comunita_montana", "unione di comuni": "unione_comuni"}

# The variable fees of 2026-H2 for tests/data/xlsx-consumi.csv and xlsx-formazione.csv,
# worked out by hand (the 2025-H2 row belongs to the previous convention):
#   017001, 1,579 residents, Telemaco allowance 270:
#     firme 2: 3 free for the convention, 2 used in H1, 1 left: 1 x 70 = 70
#     pec 2: 4 free, 3 used in H1, 1 left: 1 x 20 = 20
#     telemaco 150: 270 - 200 used in H1 = 70 left: 80 x 0.70 = 56
#     formazione 2 at 45.00: 90
#   017002, 7,114 residents, allowance 520: firme 1 and rinnovi 2 free;
#     telemaco 95: 520 - 480 = 40 left: 55 x 0.70 = 38.50;
#     formazione 1 + 1 at 45.00 = 90, 3 at 30.00 = 90
#   017092, 15,001 residents, allowance 1000: telemaco 150, 100 left: 50 x 0.70 = 35
#   017029, capoluogo, 196,670 residents, allowance 1000: all used in H1:
#     firme 1 x 70, rinnovi 1 x 70, telemaco 380 x 0.70 = 266
#   CM01, not a Comune, allowance 520: pec 4, 4 - 1 = 3 left: 1 x 20;
#     telemaco 260, 520 - 300 = 220 left: 40 x 0.70 = 28
# (id, service, quantity, free, billable, unit_price, amount)
SEMESTER_LINES = [
    ("017001", "firme", 2, 1, 1, "70", "70"),
    ("017001", "pec", 2, 1, 1, "20", "20"),
    ("017001", "telemaco", 150, 70, 80, "0.70", "56"),
    ("017001", "formazione", 2, 0, 2, "45", "90"),
    ("017002", "firme", 1, 1, 0, "70", "0"),
    ("017002", "rinnovi", 2, 2, 0, "70", "0"),
    ("017002", "telemaco", 95, 40, 55, "0.70", "38.50"),
    ("017002", "formazione", 2, 0, 2, "45", "90"),
    ("017002", "formazione", 3, 0, 3, "30", "90"),
    ("017092", "telemaco", 150, 100, 50, "0.70", "35"),
    ("017029", "firme", 1, 0, 1, "70", "70"),
    ("017029", "rinnovi", 1, 0, 1, "70", "70"),
    ("017029", "telemaco", 380, 0, 380, "0.70", "266"),
    ("CM01", "pec", 4, 3, 1, "20", "20"),
    ("CM01", "telemaco", 260, 220, 40, "0.70", "28"),
]
SEMESTER_TOTALS = {"017001": Decimal("236"), "017002": Decimal("218.50"),
                   "017092": Decimal("35"), "017029": Decimal("406"), "CM01": Decimal("48")}
SEMESTER_TOTAL = Decimal("943.50")


def read_entities():
    with open(os.path.join(DATA_DIR, "enti.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def expected_annual(entity):
    """(type, population, coefficient, computed, fee) by the rules, exactly."""
    kind = ITALIAN_TYPES.get(entity["type"].lower(), entity["type"].lower())
    population = int(entity["population"]) if entity["population"] else None
    if kind in FLAT_TYPES:
        return kind, population, None, FLAT_FEE, FLAT_FEE
    coefficient = next(c for up_to, c in BANDS if up_to is None or population <= up_to)
    computed = population * coefficient
    fee = computed.quantize(Decimal("1"), rounding=ROUND_HALF_UP)  # halves away from zero
    return kind, population, coefficient, computed, fee


def exact(value):
    """A number read from the workbook as the decimal it shows."""
    assert isinstance(value, (int, float)) and not isinstance(value, bool), repr(value)
    return Decimal(repr(value))


class Run:
    """citfee run in a scratch copy of the data directory, with its own TMPDIR."""

    def __init__(self):
        self.dir = tempfile.mkdtemp()
        self.work = os.path.join(self.dir, "work")
        self.tmp = os.path.join(self.dir, "tmp")
        shutil.copytree(DATA_DIR, self.work)
        os.mkdir(self.tmp)
        self.before = sorted(os.listdir(self.work))

    def __call__(self, *args, **kwargs):
        env = dict(os.environ, TMPDIR=self.tmp)
        env.pop("CITFEE_TODAY", None)
        kwargs.setdefault("stdout", subprocess.PIPE)
        kwargs.setdefault("stderr", subprocess.PIPE)
        return subprocess.run([CITFEE, *args], cwd=self.work, env=env, **kwargs)

    def path(self, name):
        return os.path.join(self.work, name)

    def new_files(self):
        return sorted(set(os.listdir(self.work)) - set(self.before))

    def close(self):
        shutil.rmtree(self.dir)


class WorkbookTest(unittest.TestCase):
    def setUp(self):
        self.run = Run()

    def tearDown(self):
        # No temporary file of the workbook is left behind, whatever happened.
        self.assertEqual(os.listdir(self.run.tmp), [])
        self.run.close()

    def citfee(self, *args):
        # The checks of the layout compare the English column names, which
        # a workbook has with --lang en (its default is Italian).
        if "--lang" not in args:
            args = (*args, "--lang", "en")
        result = self.run(*args)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return result

    def load(self, name, data_only=False):
        return openpyxl.load_workbook(self.run.path(name), data_only=data_only)

    def check_header(self, ws, columns, rows):
        self.assertEqual([c.value for c in ws[1]], columns)
        for cell in ws[1]:
            self.assertTrue(cell.font.b, f"{cell.coordinate} is not bold")
        self.assertEqual(ws.freeze_panes, "A2")
        last = openpyxl.utils.get_column_letter(len(columns))
        self.assertEqual(ws.auto_filter.ref, f"A1:{last}{rows + 1}")

    def check_total(self, ws, ws_values, column, rows, total):
        letter = openpyxl.utils.get_column_letter(column)
        total_row = rows + 2
        self.assertEqual(ws.cell(total_row, 1).value, "Totale")
        self.assertEqual(ws.cell(total_row, column).value, f"=SUM({letter}2:{letter}{rows + 1})")
        self.assertEqual(exact(ws_values.cell(total_row, column).value), total)
        self.assertEqual(ws.max_row, total_row)

    def check_amount(self, cell, expected):
        self.assertEqual(cell.data_type, "n", cell.coordinate)
        self.assertEqual(exact(cell.value), Decimal(expected), cell.coordinate)
        self.assertIn("€", cell.number_format, cell.coordinate)

    def check_date(self, cell, expected):
        self.assertTrue(cell.is_date, f"{cell.coordinate} is not a date")
        self.assertEqual(cell.value, datetime.datetime.combine(expected, datetime.time()))

    def check_text(self, cell, expected):
        self.assertEqual(cell.data_type, "s", cell.coordinate)
        self.assertEqual(cell.value, expected, cell.coordinate)

    def check_integer(self, cell, expected):
        self.assertIsInstance(cell.value, int, cell.coordinate)
        self.assertEqual(cell.value, expected, cell.coordinate)

    def check_decimal(self, cell, expected, mark="."):
        """A number that shows the exact decimal (the mark is only display)."""
        del mark
        self.assertEqual(exact(cell.value), expected, cell.coordinate)


class Annual(WorkbookTest):
    def test_values_types_and_total(self):
        self.citfee("annual", "--year", "2027", "--entities", "enti.csv", "-o", "fees.xlsx")
        self.assertEqual(self.run.new_files(), ["fees.xlsx"])
        wb, values = self.load("fees.xlsx"), self.load("fees.xlsx", data_only=True)
        self.assertEqual(wb.sheetnames, ["Quote annuali"])
        ws = wb["Quote annuali"]
        entities = read_entities()
        self.check_header(ws, ANNUAL_COLUMNS, len(entities))
        total = Decimal(0)
        for r, entity in enumerate(entities, start=2):
            kind, population, coefficient, computed, fee = expected_annual(entity)
            row = ws[r]
            self.check_text(row[0], entity["id"])
            self.check_text(row[1], entity["name"])  # "=SOMMA(A1:A9)" too: a string, not a formula
            self.check_text(row[2], kind)
            if population is None:
                self.assertIsNone(row[3].value)
            else:
                self.check_integer(row[3], population)
            if coefficient is None:
                self.assertIsNone(row[4].value)
                self.assertIsNone(row[5].value)
            else:
                self.assertTrue(row[4].value)
                self.check_decimal(row[5], coefficient)
            self.check_decimal(row[6], computed)
            self.check_amount(row[7], fee)
            self.check_date(row[8], datetime.date(2027, 3, 31))
            total += fee
        self.check_total(ws, values["Quote annuali"], 8, len(entities), total)
        self.assertEqual(total, Decimal("22255"))

    def test_every_comune_of_italy(self):
        source = os.path.join(SHARED_DATA, "italia_comuni_2011.csv")
        if not SHARED_DATA or not os.path.isfile(source):
            self.skipTest("no italia_comuni_2011.csv beside the repository")
        with open(source, encoding="utf-8", newline="") as f:
            comuni = list(csv.DictReader(f))
        with open(self.run.path("italia.csv"), "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["id", "name", "type", "population"])
            for c in comuni:
                writer.writerow([c["istat"], "Comune di " + c["nome"], "comune", c["popolazione_2011"]])
        self.citfee("annual", "--year", "2027", "--entities", "italia.csv", "-o", "italia.xlsx")
        wb, values = self.load("italia.xlsx"), self.load("italia.xlsx", data_only=True)
        ws = wb.active
        self.check_header(ws, ANNUAL_COLUMNS, len(comuni))
        total = Decimal(0)
        for row, c in zip(ws.iter_rows(min_row=2, max_row=len(comuni) + 1), comuni):
            _, population, coefficient, computed, fee = expected_annual(
                {"type": "comune", "population": c["popolazione_2011"]})
            self.check_text(row[0], c["istat"])
            self.check_integer(row[3], population)
            self.check_decimal(row[5], coefficient)
            self.check_decimal(row[6], computed)
            self.check_amount(row[7], fee)
            total += fee
        self.check_total(ws, values.active, 8, len(comuni), total)

    def test_known_rows(self):
        # The examples of the SPEC, by hand: 2,550 x 0.19 = 484.50 -> 485;
        # 5,001 x 0.175 = 875.175 -> 875 (numbers that show the exact decimal).
        self.citfee("annual", "--year", "2027", "--entities", "enti.csv", "-o", "fees.xlsx")
        ws = self.load("fees.xlsx").active
        rows = {row[0].value: row for row in ws.iter_rows(min_row=2)}
        self.assertEqual(rows["017003"][6].value, 484.5)
        self.assertEqual(rows["017003"][7].value, 485)
        self.assertEqual(exact(rows["017114"][5].value), Decimal("0.175"))
        self.assertEqual(exact(rows["017114"][6].value), Decimal("875.175"))
        self.assertEqual(rows["017114"][7].value, 875)
        self.assertEqual(rows["017029"][3].value, 196670)
        self.assertEqual(rows["017029"][7].value, 300)

    def test_column_widths_fit_the_names(self):
        self.citfee("annual", "--year", "2027", "--entities", "enti.csv", "-o", "fees.xlsx")
        ws = self.load("fees.xlsx").active
        longest = max(len(e["name"]) for e in read_entities())
        self.assertGreaterEqual(ws.column_dimensions["B"].width, longest)
        for letter in "ACDEFGHI":
            self.assertGreaterEqual(ws.column_dimensions[letter].width, 8)

    def test_stdout_when_not_a_terminal(self):
        piped = self.citfee("annual", "--year", "2027", "--entities", "enti.csv", "-O", "xlsx")
        self.assertTrue(piped.stdout.startswith(b"PK\x03\x04"))
        self.citfee("annual", "--year", "2027", "--entities", "enti.csv", "-o", "fees.xlsx")
        from_pipe = openpyxl.load_workbook(io.BytesIO(piped.stdout)).active
        from_file = self.load("fees.xlsx").active
        self.assertEqual([[c.value for c in r] for r in from_pipe.iter_rows()],
                         [[c.value for c in r] for r in from_file.iter_rows()])

    def test_italian_headers_by_default(self):
        result = self.run("annual", "--year", "2027", "--entities", "enti.csv", "-o", "quote.xlsx")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        ws = self.load("quote.xlsx")["Quote annuali"]
        self.assertEqual([c.value for c in ws[1]],
                         ["Codice", "Denominazione", "Tipo", "Popolazione", "Fascia", "Coefficiente",
                          "Importo calcolato", "Quota annuale", "Scadenza"])
        rows = {row[0].value: row for row in ws.iter_rows(min_row=2)}
        self.assertEqual(rows["017114"][2].value, "Comune")

    def test_italian_labels_and_decimal_comma(self):
        self.citfee("annual", "--year", "2027", "--entities", "enti.csv", "--lang", "it",
                    "--decimal-comma", "-o", "quote.xlsx")
        ws = self.load("quote.xlsx")["Quote annuali"]
        self.assertEqual([c.value for c in ws[1]],
                         ["Codice", "Denominazione", "Tipo", "Popolazione", "Fascia", "Coefficiente",
                          "Importo calcolato", "Quota annuale", "Scadenza"])
        rows = {row[0].value: row for row in ws.iter_rows(min_row=2)}
        self.check_decimal(rows["017114"][6], Decimal("875.175"), mark=",")
        self.check_amount(rows["017114"][7], "875")
        self.check_decimal(rows["017003"][6], Decimal("484.50"), mark=",")


class Semester(WorkbookTest):
    ARGS = ["semester", "--period", "2026-H2", "--entities", "enti.csv", "--usage", "xlsx-consumi.csv",
            "--usage", "xlsx-formazione.csv"]

    def check_lines(self, ws, ws_values):
        self.check_header(ws, LINE_COLUMNS, len(SEMESTER_LINES))
        names = {e["id"]: e["name"] for e in read_entities()}
        for r, line in enumerate(SEMESTER_LINES, start=2):
            id_, service, quantity, free, billable, price, amount = line
            row = ws[r]
            self.check_text(row[0], id_)
            self.check_text(row[1], names[id_])
            self.check_text(row[2], "2026-H2")
            self.check_text(row[3], service)
            self.check_integer(row[4], quantity)
            self.check_integer(row[5], free)
            self.check_integer(row[6], billable)
            self.check_decimal(row[7], Decimal(price))
            self.check_amount(row[8], amount)
            self.check_date(row[9], datetime.date(2027, 1, 31))
        self.check_total(ws, ws_values, 9, len(SEMESTER_LINES), SEMESTER_TOTAL)

    def check_entities(self, ws, ws_values):
        entities = read_entities()
        self.check_header(ws, ENTITY_COLUMNS, len(entities))
        for r, entity in enumerate(entities, start=2):
            row = ws[r]
            self.check_text(row[0], entity["id"])
            self.check_text(row[1], entity["name"])
            self.check_text(row[2], "2026-H2")
            self.check_amount(row[3], SEMESTER_TOTALS.get(entity["id"], Decimal(0)))
            self.check_date(row[4], datetime.date(2027, 1, 31))
        self.check_total(ws, ws_values, 4, len(entities), SEMESTER_TOTAL)

    def test_by_line_then_totals_by_entity(self):
        self.citfee(*self.ARGS, "-o", "variabili.xlsx")
        wb, values = self.load("variabili.xlsx"), self.load("variabili.xlsx", data_only=True)
        self.assertEqual(wb.sheetnames, ["Quote variabili", "Totali per ente"])
        self.check_lines(wb["Quote variabili"], values["Quote variabili"])
        self.check_entities(wb["Totali per ente"], values["Totali per ente"])

    def test_italian_by_default_with_service_labels(self):
        result = self.run(*self.ARGS, "-o", "variabili.xlsx")
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        ws = self.load("variabili.xlsx")["Quote variabili"]
        self.assertEqual([c.value for c in ws[1]][:5],
                         ["Codice", "Denominazione", "Periodo", "Servizio", "Quantità"])
        self.assertEqual([ws.cell(row=r, column=4).value for r in range(2, 6)],
                         ["Kit di firma digitale", "Casella PEC",
                          "Consultazione Registro Imprese (Telemaco)",
                          "Evento formativo a pagamento"])

    def test_by_entity_comes_first(self):
        self.citfee(*self.ARGS, "--by", "entity", "-o", "variabili.xlsx")
        wb, values = self.load("variabili.xlsx"), self.load("variabili.xlsx", data_only=True)
        self.assertEqual(wb.sheetnames, ["Totali per ente", "Quote variabili"])
        self.check_entities(wb["Totali per ente"], values["Totali per ente"])
        self.check_lines(wb["Quote variabili"], values["Quote variabili"])

    def test_no_rows_still_has_a_total(self):
        # 2026-H1, when the only usage is of 2026-H2: header and Totale 0.
        with open(self.run.path("uno.csv"), "w", encoding="utf-8") as f:
            f.write("id,name,type,population\n017093,Comune di Longhena,comune,607\n")
        with open(self.run.path("uso.csv"), "w", encoding="utf-8") as f:
            f.write("id,period,service,quantity\n017093,2026-H2,pec,1\n")
        self.citfee("semester", "--period", "2026-H1", "--entities", "uno.csv", "--usage",
                    "uso.csv", "-o", "vuoto.xlsx")
        ws = self.load("vuoto.xlsx")["Quote variabili"]
        self.assertEqual([c.value for c in ws[1]], LINE_COLUMNS)
        self.assertEqual(ws.cell(2, 1).value, "Totale")
        self.assertEqual(ws.cell(2, 9).value, 0)


class Refusals(WorkbookTest):
    def test_not_to_a_terminal(self):
        master, slave = os.openpty()
        try:
            for extra in ([], ["-o", os.ttyname(slave)]):
                result = self.run("annual", "--year", "2027", "--entities", "enti.csv", "-O", "xlsx",
                                  *extra, stdout=slave, stderr=subprocess.PIPE)
                self.assertEqual(result.returncode, 2)
                self.assertIn(b"will not be written to a terminal", result.stderr)
            os.set_blocking(master, False)
            try:
                written = os.read(master, 4096)
            except BlockingIOError:
                written = b""
            self.assertEqual(written, b"")
        finally:
            os.close(master)
            os.close(slave)

    def test_failed_run_writes_no_workbook(self):
        result = self.run("annual", "--year", "2027", "--entities", "enti-duplicate-id.csv", "-o",
                          "fees.xlsx")
        self.assertEqual(result.returncode, 65)
        self.assertEqual(result.stdout, b"")
        self.assertEqual(self.run.new_files(), [])


# A revised tariff for the what-if tests: the shipped one with other
# coefficients, made by the test from the shipped file.
REVISED_BANDS = [(5000, Decimal("0.20")), (10000, Decimal("0.18")), (15000, Decimal("0.15")),
                 (None, Decimal("0.145"))]
SUMMARY_BANDS = ["0-5000", "5001-10000", "10001-15000", ">15000"]

# The variable fees of 2026-H1 for the same files, by hand (allowances as above):
#   017029: firme 4, 3 free, 1 x 70; rinnovi 3, all free; pec 6, 4 free, 2 x 20;
#     telemaco 1400, 1000 free, 400 x 0.70 = 280: 390 in all
#   017001 (firme 2, rinnovi 1, pec 3, telemaco 200), 017002 (telemaco 480),
#   CM01 (pec 1, telemaco 300), 017092 (firme 3, telemaco 900): all free.
# Per service: (quantity, free, billable, amount)
SUMMARY_H1 = {"firme": (9, 8, 1, Decimal(70)), "rinnovi": (4, 4, 0, Decimal(0)),
              "pec": (10, 8, 2, Decimal(40)), "telemaco": (3280, 2880, 400, Decimal(280)),
              "formazione": (0, 0, 0, Decimal(0))}
# Each body's variable fees of 2026, H1 and H2: the largest first.
SUMMARY_TOP = [("017029", Decimal(796)), ("017001", Decimal(236)), ("017002", Decimal("218.50")),
               ("CM01", Decimal(48)), ("017092", Decimal(35))]


def fee_by(bands, entity):
    """The annual fee of an entity (a dict as read_entities gives) under `bands`."""
    kind = ITALIAN_TYPES.get(entity["type"].lower(), entity["type"].lower())
    if kind in FLAT_TYPES:
        return None, FLAT_FEE
    population = int(entity["population"])
    index = next(i for i, (up_to, _) in enumerate(bands) if up_to is None or population <= up_to)
    fee = (population * bands[index][1]).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return index, fee


def band_totals(entities, bands=BANDS, compare=None):
    """{band label or "flat": [bodies, residents, total, compare_total]}, by the rules."""
    totals = {}
    for e in entities:
        index, fee = fee_by(bands, e)
        key = "flat" if index is None else SUMMARY_BANDS[index]
        row = totals.setdefault(key, [0, 0, Decimal(0), Decimal(0)])
        row[0] += 1
        row[1] += int(e["population"]) if e["population"] else 0
        row[2] += fee
        if compare:
            row[3] += fee_by(compare, e)[1]
    return totals


def write_revised_tariff(path):
    shipped = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                           "tariffs", "cit-2026.toml")
    with open(shipped, encoding="utf-8") as f:
        text = f.read()
    text = text.replace('id = "cit-2026"', 'id = "cit-2028"').replace(
        "first_year = 2026", "first_year = 2028")
    for (_, old), (_, new) in zip(BANDS, REVISED_BANDS):
        text = text.replace(f'coefficient = "{old}"', f'coefficient = "{new}"')
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def brescia_entities(run):
    """The Comuni of Brescia from the reference data, as an entities file in the run."""
    source = os.path.join(SHARED_DATA, "brescia_comuni_2011.csv")
    if not SHARED_DATA or not os.path.isfile(source):
        raise unittest.SkipTest("no brescia_comuni_2011.csv beside the repository")
    with open(source, encoding="utf-8", newline="") as f:
        comuni = list(csv.DictReader(f))
    entities = [{"id": c["istat"], "name": "Comune di " + c["nome"],
                 "type": "capoluogo" if c["istat"] == "017029" else "comune",
                 "population": c["popolazione_2011"]} for c in comuni]
    with open(run.path("brescia.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["id", "name", "type", "population"])
        writer.writeheader()
        writer.writerows(entities)
    return entities


def csv_tables(text):
    """The tables of a summary as CSV: lists of dict rows, a blank line between tables."""
    return [list(csv.DictReader(io.StringIO(block + "\n")))
            for block in text.strip("\n").split("\n\n")]


def chart_title(chart):
    return "".join(run.t for p in chart.title.tx.rich.p for run in (p.r or []))


def series_refs(chart):
    """(name, categories, values) references of each series of a chart."""
    refs = []
    for s in chart.series:
        cat = s.cat.strRef or s.cat.numRef
        refs.append((s.tx.strRef.f, cat.f, s.val.numRef.f))
    return refs


class Summary(WorkbookTest):
    ARGS = ["summary", "--year", "2026", "--entities", "enti.csv", "--usage",
            "xlsx-consumi.csv", "--usage", "xlsx-formazione.csv"]

    def setUp(self):
        super().setUp()
        # enti.csv without the bodies of the formula tests, whose type has no fee rule issue.
        self.entities = [e for e in read_entities()]
        with open(self.run.path("enti.csv"), "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, ["id", "name", "type", "population", "tax_code", "pec"])
            writer.writeheader()
            writer.writerows(self.entities)

    def test_brescia_band_totals(self):
        entities = brescia_entities(self.run)
        self.assertEqual(len(entities), 205)
        out = self.citfee("summary", "--year", "2027", "--entities", "brescia.csv", "-O", "csv")
        by_band, by_type = csv_tables(out.stdout.decode())
        expected = band_totals(entities)
        self.assertEqual([r["band"] for r in by_band], SUMMARY_BANDS + ["flat"])
        for row in by_band:
            bodies, residents, total, _ = expected[row["band"]]
            self.assertEqual((int(row["bodies"]), int(row["residents"]), Decimal(row["annual_fee"])),
                             (bodies, residents, total), row["band"])
        self.assertEqual(sum(int(r["bodies"]) for r in by_band), 205)
        self.assertEqual([(r["type"], r["bodies"]) for r in by_type],
                         [("comune", "204"), ("capoluogo", "1")])
        self.assertEqual(sum(Decimal(r["annual_fee"]) for r in by_type),
                         sum(t[2] for t in expected.values()))

    def test_brescia_compared_with_a_revised_tariff(self):
        entities = brescia_entities(self.run)
        write_revised_tariff(self.run.path("cit-2028.toml"))
        out = self.citfee("summary", "--year", "2027", "--entities", "brescia.csv",
                          "--compare-tariff", "cit-2028.toml", "-O", "csv")
        by_band = csv_tables(out.stdout.decode())[0]
        expected = band_totals(entities, BANDS, REVISED_BANDS)
        for row in by_band:
            _, _, total, compare = expected[row["band"]]
            self.assertEqual(Decimal(row["compare_fee"]), compare, row["band"])
            self.assertEqual(Decimal(row["difference"]), compare - total, row["band"])

    def test_workbook_sheets_values_and_charts(self):
        self.citfee(*self.ARGS, "-o", "sintesi.xlsx")
        wb, values = self.load("sintesi.xlsx"), self.load("sintesi.xlsx", data_only=True)
        self.assertEqual(wb.sheetnames, ["Per fascia", "Per tipo", "Per servizio", "Enti principali"])
        # By band: the values by the rules, and a column chart over them.
        ws = wb["Per fascia"]
        expected = band_totals(self.entities)
        rows = len(expected)
        self.check_header(ws, ["band", "bodies", "residents", "annual_fee"], rows)
        for r in range(2, rows + 2):
            band = ws.cell(r, 1).value
            bodies, residents, total, _ = expected[band]
            self.check_integer(ws.cell(r, 2), bodies)
            self.check_integer(ws.cell(r, 3), residents)
            self.check_amount(ws.cell(r, 4), total)
        self.check_total(ws, values["Per fascia"], 4, rows, Decimal("22255"))
        self.assertEqual(len(ws._charts), 1)
        chart = ws._charts[0]
        self.assertEqual((chart.tagname, chart.type, chart.grouping), ("barChart", "col", "clustered"))
        self.assertEqual(chart_title(chart), "Annual fees by band")
        end = rows + 1
        self.assertEqual(series_refs(chart), [("'Per fascia'!$D$1", f"'Per fascia'!$A$2:$A${end}",
                                               f"'Per fascia'!$D$2:$D${end}")])
        # By service and semester: one series per semester, stacked, over the
        # services of the tariff; the 2026-H2 amounts as worked out by hand.
        ws = wb["Per servizio"]
        services = ["firme", "rinnovi", "pec", "telemaco", "formazione"]
        self.check_header(ws, ["period", "service", "quantity", "free", "billable", "amount"], 10)
        self.assertEqual([ws.cell(r, 1).value for r in range(2, 12)], ["2026-H1"] * 5 + ["2026-H2"] * 5)
        self.assertEqual([ws.cell(r, 2).value for r in range(2, 12)], services * 2)
        h2 = {}
        for _, service, quantity, free, billable, _, amount in SEMESTER_LINES:
            q, f_, b, a = h2.get(service, (0, 0, 0, Decimal(0)))
            h2[service] = (q + quantity, f_ + free, b + billable, a + Decimal(amount))
        expected_rows = [SUMMARY_H1[s] for s in services]
        expected_rows += [h2.get(s, (0, 0, 0, Decimal(0))) for s in services]
        for r, (q, f_, b, a) in enumerate(expected_rows, start=2):
            self.check_integer(ws.cell(r, 3), q)
            self.check_integer(ws.cell(r, 4), f_)
            self.check_integer(ws.cell(r, 5), b)
            self.check_amount(ws.cell(r, 6), a)
        self.check_total(ws, values["Per servizio"], 6, 10,
                         SEMESTER_TOTAL + sum(t[3] for t in SUMMARY_H1.values()))
        self.assertEqual(len(ws._charts), 1)
        chart = ws._charts[0]
        self.assertEqual((chart.type, chart.grouping), ("col", "stacked"))
        self.assertEqual(series_refs(chart), [
            ("'Per servizio'!$A$2", "'Per servizio'!$B$2:$B$6", "'Per servizio'!$F$2:$F$6"),
            ("'Per servizio'!$A$7", "'Per servizio'!$B$7:$B$11", "'Per servizio'!$F$7:$F$11")])
        # The top bodies: their fees of H1 and H2, largest first.
        ws = wb["Enti principali"]
        top = SUMMARY_TOP
        self.check_header(ws, ["rank", "id", "name", "amount"], len(top))
        for r, (id_, amount) in enumerate(top, start=2):
            self.check_integer(ws.cell(r, 1), r - 1)
            self.check_text(ws.cell(r, 2), id_)
            self.check_amount(ws.cell(r, 4), amount)
        chart = ws._charts[0]
        self.assertEqual((chart.type, chart.grouping), ("bar", "clustered"))
        end = len(top) + 1
        self.assertEqual(series_refs(chart), [("'Enti principali'!$D$1",
                                               f"'Enti principali'!$C$2:$C${end}",
                                               f"'Enti principali'!$D$2:$D${end}")])
        self.assertEqual(wb["Per tipo"]._charts, [])

    def test_compared_workbook_charts_both_fees(self):
        write_revised_tariff(self.run.path("cit-2028.toml"))
        self.citfee("summary", "--year", "2027", "--entities", "enti.csv",
                    "--compare-tariff", "cit-2028.toml", "--lang", "it", "-o", "confronto.xlsx")
        wb, values = self.load("confronto.xlsx"), self.load("confronto.xlsx", data_only=True)
        self.assertEqual(wb.sheetnames, ["Per fascia", "Per tipo"])
        ws = wb["Per fascia"]
        expected = band_totals(self.entities, BANDS, REVISED_BANDS)
        rows = len(expected)
        self.check_header(ws, ["Fascia", "Enti", "Residenti", "Quota annuale", "Quota a confronto",
                               "Differenza"], rows)
        for r in range(2, rows + 2):
            _, _, total, compare = expected[ws.cell(r, 1).value]
            self.check_amount(ws.cell(r, 5), compare)
            self.check_amount(ws.cell(r, 6), compare - total)
        compare_total = sum(t[3] for t in expected.values())
        self.check_total(ws, values["Per fascia"], 6, rows, compare_total - Decimal("22255"))
        self.assertEqual(ws.cell(rows + 2, 5).value, f"=SUM(E2:E{rows + 1})")
        chart = ws._charts[0]
        self.assertEqual(chart_title(chart), "Quote annuali per fascia")
        end = rows + 1
        self.assertEqual([refs[2] for refs in series_refs(chart)],
                         [f"'Per fascia'!$D$2:$D${end}", f"'Per fascia'!$E$2:$E${end}"])
        self.assertEqual(len(wb["Per tipo"]._charts), 1)


class Compare(WorkbookTest):
    def test_annual_compare_tariff(self):
        write_revised_tariff(self.run.path("cit-2028.toml"))
        self.citfee("annual", "--year", "2027", "--entities", "enti.csv",
                    "--compare-tariff", "cit-2028.toml", "-o", "confronto.xlsx")
        ws = self.load("confronto.xlsx").active
        values = self.load("confronto.xlsx", data_only=True).active
        entities = read_entities()
        self.check_header(ws, ANNUAL_COLUMNS + ["compare_fee", "difference"], len(entities))
        total = compare_total = Decimal(0)
        for r, entity in enumerate(entities, start=2):
            fee, compare = fee_by(BANDS, entity)[1], fee_by(REVISED_BANDS, entity)[1]
            self.check_amount(ws.cell(r, 8), fee)
            self.check_amount(ws.cell(r, 10), compare)
            self.check_amount(ws.cell(r, 11), compare - fee)
            total += fee
            compare_total += compare
        self.check_total(ws, values, 11, len(entities), compare_total - total)
        self.assertEqual(exact(values.cell(len(entities) + 2, 10).value), compare_total)
        self.assertEqual(exact(values.cell(len(entities) + 2, 8).value), total)

    def setUp(self):
        super().setUp()
        with open(self.run.path("enti.csv"), "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, ["id", "name", "type", "population", "tax_code", "pec"])
            writer.writeheader()
            writer.writerows(read_entities())


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v", *sys.argv[3:]])
