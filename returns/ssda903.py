"""Reading an SSDA903 return (looked-after children): one CSV table, the CSV tables zipped together, or the XML file.

Columns, codes and which values may be blank come from the specification in specs/ (liia-tools' 903 schema).
"""
import csv
import io
import re
import zipfile
from functools import cache
from pathlib import Path

import yaml

from cases.models import Category, ChronologyEntry

from . import codes
from .annex_a import FileError
from .cin_census import parse_return
from .rows import CareSpell, Event, Involvement, RowError, SourceRow, WorkerPeriod

SPEC = Path(__file__).parent / "specs" / "SSDA903_schema_2024.yml"
# The tables Oversight keeps something from; rows of the others are reported and not imported.
READ = ("Header", "Episodes", "Reviews", "SocialWorker", "Missing", "UASC", "DoLo")
# Tables newer than the specification in specs/: deprivation of liberty orders (2023-24 on), as DfE's
# validator reads them.
EXTRA_TABLES = {
    "DoLo": {
        "CHILD": {"string": "alphanumeric", "canbeblank": False},
        "DOB": {"date": "%d/%m/%Y", "canbeblank": False},
        "DOLO_START": {"date": "%d/%m/%Y", "canbeblank": False},
        "DOLO_END": {"date": "%d/%m/%Y", "canbeblank": True},
    },
}
# The columns Oversight reads from each table it keeps; every other column is reported in the dry run as not read.
READ_COLUMNS = {
    "Header": ["CHILD", "SEX", "DOB", "ETHNIC"],
    "Episodes": ["CHILD", "DECOM", "DEC", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "REC", "REASON_PLACE_CHANGE",
                 "HOME_POST", "PL_POST", "URN"],
    "Reviews": ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
    "SocialWorker": ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC"],
    "Missing": ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
    "UASC": ["CHILD", "DOB", "DUC"],
    "DoLo": ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
}
# Columns every table shares; a header is a table's by its other columns.
SHARED = {"CHILD", "DOB"}
# "1.0": a code Excel saved as a number.
EXCEL_NUMBER = re.compile(r"^(\d+)\.0+$")
# In the XML file a child's tables are these elements; two tags differ from the CSV's column names.
XML_TABLES = {"EPISODE": "Episodes", "AREVIEW": "Reviews", "SW_EPISODE": "SocialWorker"}
XML_IGNORED = {"AMISSING", "OC2", "PERMANENCE", "AD_PLACED"}
XML_RENAME = {"CHILDID": "CHILD", "PL": "PLACE"}
REVIEW = "Looked-after review"
# Chronology summaries for the Missing table's codes; the Annex A export counts them by these words.
MISSING = {"M": "Missing from placement", "A": "Away from placement without authorisation"}
# Episode columns without a code list (postcodes, Ofsted URN), and the longest Oversight holds.
FREE_TEXT, FREE_TEXT_LONGEST = ("HOME_POST", "PL_POST", "URN"), 20
# The Episodes table's columns and the CareEpisode fields that hold them.
EPISODE_FIELDS = {"RNE": "reason_new", "LS": "legal_status", "CIN": "category_of_need", "PLACE": "placement_type",
                  "PLACE_PROVIDER": "provider", "REC": "reason_ended", "REASON_PLACE_CHANGE": "reason_place_change",
                  "HOME_POST": "home_postcode", "PL_POST": "placement_postcode", "URN": "urn"}
CEASED_CARE = "X1"  # the episode ended and the next one began: the child is still looked after
ENCODINGS = ("utf-8-sig", "cp1252")


@cache
def spec():
    """{table: {column: {"codes": {...} or None, "date": bool, "mandatory": bool, "names": {...}}}}."""
    tables = {}
    for table, columns in (yaml.safe_load(SPEC.read_text())["column_map"] | EXTRA_TABLES).items():
        tables[table] = {
            name: {
                "codes": {str(c["code"]).strip() for c in config["category"]} if "category" in config else None,
                "names": {str(k).lower(): str(v) for k, v in (config.get("dictionary") or {}).items()},
                "date": "date" in config,
                "mandatory": not config.get("canbeblank", True),
            }
            for name, config in columns.items()
        }
    return tables


def table_for(headers):
    """The 903 table a CSV's header row belongs to: the one sharing most columns, CHILD among them."""
    headers = {codes.text(h).upper() for h in headers}
    if "CHILD" not in headers:
        return None
    # Most of the table's own columns present, then fewest of its columns missing: DoLo is not UASC.
    scored = sorted((len((headers & set(columns)) - SHARED), -len(set(columns) - headers), table)
                    for table, columns in spec().items())
    own, _, table = scored[-1]
    return table if own >= 1 else None


def _decode(payload):
    for encoding in ENCODINGS:
        try:
            return payload.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileError("The file is neither UTF-8 nor Windows-1252 text.")


def looks_like_903_csv(payload):
    first_line = _decode(payload[:4096]).splitlines()[0] if payload.strip() else ""
    return table_for(next(csv.reader([first_line]), [])) is not None


class Ssda903Reader:
    """The records of a 903 return, one SourceRow per CSV row or per XML table element."""

    format_label = "SSDA903"

    def __init__(self, stream):
        payload = stream.read()
        self.records = []  # (table, location, {column: value})
        self.parts = {}  # {part of the file: (table, columns it has)}
        if payload[:4] == b"PK\x03\x04":
            self._read_zip(payload)
        elif payload.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            self._read_xml(payload)
        else:
            self._read_csv(payload, "")

    def _read_zip(self, payload):
        try:
            archive = zipfile.ZipFile(io.BytesIO(payload))
            names = sorted(n for n in archive.namelist() if n.lower().endswith(".csv") and not n.startswith("__"))
            if not names:
                raise FileError("The zip file holds no SSDA903 CSV tables.")
            for name in names:
                self._read_csv(archive.read(name), f"{Path(name).name}: ")
        except zipfile.BadZipFile as error:
            raise FileError(f"The zip file cannot be opened: {error}") from error

    def _read_csv(self, payload, prefix):
        # utf-8-sig drops a byte-order mark; csv reads a last line with no newline as any other.
        reader = csv.reader(io.StringIO(_decode(payload), newline=""))
        headers = [codes.text(h).upper() for h in next(reader, [])]
        table = table_for(headers)
        if table is None:
            raise FileError(f"{prefix or 'The file'}: the header row is not an SSDA903 table's (no CHILD column).")
        self.parts[f"{prefix}{table} table"] = (table, headers)
        missing = [name for name, config in spec()[table].items() if config["mandatory"] and name not in headers]
        if missing:
            raise FileError(f"{prefix}the {table} table has no {', '.join(missing)} column.")
        for line, values in enumerate(reader, start=2):
            if not any(codes.text(v) for v in values):
                continue
            self.records.append((table, f"{prefix}{table} row {line}", dict(zip(headers, values, strict=False))))

    def _read_xml(self, payload):
        document = parse_return(io.BytesIO(payload), "an SSDA903 file")
        children = [e for e in document.getroot().iter("CHILD") if len(e)]
        if not children:
            raise FileError("The file is not an SSDA903 return (no <CHILD> elements).")
        for index, child in enumerate(children, start=1):
            header = {XML_RENAME.get(leaf.tag, leaf.tag): leaf.text for leaf in _leaves(child)}
            where = f"CHILD[{index}]"
            self.records.append(("Header", f"{where} (line {child.sourceline})", header))
            self.parts.setdefault("Header (CHILD elements)", ("Header", set()))[1].update(header)
            counts = {}
            for element in child.iter(*XML_TABLES):
                counts[element.tag] = counts.get(element.tag, 0) + 1
                values = {"CHILD": header.get("CHILD"), "DOB": header.get("DOB")}
                values |= {XML_RENAME.get(leaf.tag, leaf.tag): leaf.text for leaf in element.iter() if not len(leaf)}
                self.parts.setdefault(f"{XML_TABLES[element.tag]} ({element.tag} elements)",
                                      (XML_TABLES[element.tag], set()))[1].update(values)
                self.records.append((XML_TABLES[element.tag],
                                     f"{where}/{element.tag}[{counts[element.tag]}] (line {element.sourceline})",
                                     values))

    def total(self):
        return len(self.records)

    def coverage(self):
        parts = []
        for part, (table, columns) in self.parts.items():
            wanted = READ_COLUMNS.get(table, [])
            columns = list(dict.fromkeys(columns))
            note = "" if table in READ else ": not kept in Oversight"
            parts.append({"part": part + note, "read": [c for c in columns if c in wanted],
                          "not_read": [c for c in columns if c not in wanted]})
        return parts

    def __iter__(self):
        for table, location, values in self.records:
            yield self._row(table, location, values)

    def _row(self, table, location, values):
        row = SourceRow(location=location, raw=values, child_id=codes.text(values.get("CHILD")))
        if table not in READ:
            row.skipped = f"the {table} table is not kept in Oversight"
            return row
        try:
            row.child_id = codes.identifier(values.get("CHILD"), "CHILD")
        except RowError as error:
            row.child_id = ""
            row.errors.append(str(error))
            return row
        try:
            value = self._checked(table, values, row)
            if not row.errors:
                self._read(table, value, row)
        except RowError as error:
            row.errors.append(str(error))
        return row

    @staticmethod
    def _checked(table, values, row):
        """The table's columns read against the specification; each problem is one error on the row."""
        value = {}
        for name, config in spec()[table].items():
            cleaned = codes.text(values.get(name))
            if not cleaned:
                if config["mandatory"]:
                    row.errors.append(f"{name} is blank (mandatory in {table})")
                value[name] = None
                continue
            if config["codes"] is not None:
                cleaned = EXCEL_NUMBER.sub(r"\1", cleaned)
                cleaned = config["names"].get(cleaned.lower(), cleaned).upper()
                if cleaned not in config["codes"]:
                    row.errors.append(f"{name} '{values.get(name)}' is not an SSDA903 code")
            elif config["date"]:
                try:
                    cleaned = codes.date(cleaned)
                except RowError as error:
                    row.errors.append(f"{name}: {error}")
            value[name] = cleaned
        return value

    def _read(self, table, value, row):
        row.date_of_birth = value.get("DOB")
        if table == "Header":
            row.gender = codes.gender(value["SEX"])
            row.ethnicity = codes.ethnicity(value["ETHNIC"])
        elif table == "Episodes":
            start, end = value["DECOM"], value["DEC"]
            _in_order(start, end, "DECOM", "DEC")
            row.involvement = Involvement(Category.LOOKED_AFTER, start, end)
            row.events.append(Event(
                ChronologyEntry.EventType.PLACEMENT, start,
                f"Looked-after episode began (reason {value['RNE']}, legal status {value['LS']}, "
                f"placement {value['PLACE']})",
            ))
            if end and value["REC"] and value["REC"] != CEASED_CARE:
                row.events.append(Event(ChronologyEntry.EventType.PLACEMENT, end,
                                        f"Ceased to be looked after (reason {value['REC']})"))
            for column in FREE_TEXT:
                if len(value[column] or "") > FREE_TEXT_LONGEST:
                    raise RowError(f"{column} '{value[column][:30]}' is longer than {FREE_TEXT_LONGEST} characters")
            row.care_spells.append(CareSpell(start, end, tuple(sorted(
                (field, value[column] or "") for column, field in EPISODE_FIELDS.items()))))
        elif table == "Reviews":
            row.events.append(Event(ChronologyEntry.EventType.CONFERENCE, value["REVIEW"],
                                    f"{REVIEW} (participation {value['REVIEW_CODE']})"))
        elif table == "Missing":
            start, end = value["MIS_START"], value["MIS_END"]
            _in_order(start, end, "MIS_START", "MIS_END")
            summary = MISSING[value["MISSING"]] + (f" until {end:%d/%m/%Y}" if end else "")
            row.events.append(Event(ChronologyEntry.EventType.OTHER, start, summary))
        elif table == "UASC":
            row.uasc, row.uasc_ceased_on = True, value["DUC"]
        elif table == "DoLo":
            start, end = value["DOLO_START"], value["DOLO_END"]
            _in_order(start, end, "DOLO_START", "DOLO_END")
            row.events.append(Event(ChronologyEntry.EventType.COURT, start, "Deprivation of liberty order"
                                    + (f" until {end:%d/%m/%Y}" if end else "")))
        elif table == "SocialWorker":
            start, end = value["SW_DECOM"], value["SW_DEC"]
            _in_order(start, end, "SW_DECOM", "SW_DEC")
            worker = value["SW_ID"]
            if end is None:
                # The open social worker episode is the child's current allocation; the table names no team.
                row.team_name, row.worker_name, row.allocated_since = "", worker, start
            else:
                row.worker_history.append(WorkerPeriod(worker, start, end))
        if row.date_of_birth and row.involvement and row.involvement.start < row.date_of_birth:
            raise RowError(f"looked after from {row.involvement.start}, before the date of birth {row.date_of_birth}")


def _in_order(start, end, start_name, end_name):
    if end and end < start:
        raise RowError(f"{end_name} {end} is before {start_name} {start}")


def _leaves(child):
    """The child's own values: leaf elements outside the per-table elements."""
    skip = set(XML_TABLES) | XML_IGNORED
    stack = list(child)
    while stack:
        element = stack.pop(0)
        if element.tag in skip:
            continue
        if len(element):
            stack.extend(element)
        else:
            yield element
