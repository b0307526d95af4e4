"""Annex A headers: the merge specification's columns, matched by name or pattern, and the header row found."""
import itertools
import re
from functools import cache
from pathlib import Path

import yaml

from . import codes

SPEC = Path(__file__).parent / "specs" / "annex-a-merge.yml"
CHILD_ID = "Child Unique ID"
# "List 1", "List_1", "List1", "List 1 - Contacts", "Annex A List_10".
LIST_NUMBER = re.compile(r"list[\s_\-.]*(\d+)", re.IGNORECASE)
# Ofsted's template puts a title and notes above the header row; the header is looked for in this many rows.
HEADER_SEARCH = 15
# List 2 has no allocation columns in Ofsted's layout; councils add them, and the export does, so the worker is kept.
EXTRA_COLUMNS = {2: ["Allocated Team", "Allocated Worker"]}


@cache
def spec():
    """{list number: {column name: {"regex": [compiled], "type": ..., "canbeblank": ...}}}."""
    lists = {}
    for list_name, columns in yaml.safe_load(SPEC.read_text())["datasources"].items():
        number = int(LIST_NUMBER.search(list_name).group(1))
        lists[number] = {name: {**config, "regex": [_regex(r) for r in config.get("regex", [])]}
                         for name, config in columns.items()}
    return lists


def _regex(pattern):
    # The specification writes patterns as /body/flags.
    body, _, flags = pattern.strip().rpartition("/")
    return re.compile(body.lstrip("/"), re.IGNORECASE if "i" in flags else 0)


def _normal(header):
    return " ".join(re.sub(r"[^a-z0-9]+", " ", codes.text(header).lower().replace("’", "'")).split())


def match_headers(list_number, headers):
    """{column name: index} for the specification's columns found among `headers`.

    An exact name (ignoring case, spacing and punctuation) wins over a pattern; each header serves one column.
    """
    columns = spec()[list_number] | {name: {"regex": []} for name in EXTRA_COLUMNS.get(list_number, [])}
    found, used = {}, set()
    for name in columns:
        for index, header in enumerate(headers):
            if index not in used and _normal(header) == _normal(name):
                found[name] = index
                used.add(index)
                break
    for name, config in columns.items():
        if name in found:
            continue
        for index, header in enumerate(headers):
            if index not in used and any(r.search(codes.text(header)) for r in config["regex"]):
                found[name] = index
                used.add(index)
                break
    return found


def find_header(list_number, rows):
    """(row number, headers, {column: index}, the rows after the header) of the header row: among the first rows,
    the one matching most of the list's columns, so a title and notes above it are passed over."""
    seen, best = [], (0, (), {})
    for values in rows:
        seen.append(values)
        columns = match_headers(list_number, values)
        if len(columns) > len(best[2]):
            best = (len(seen) - 1, values, columns)
        # The child identifier and another column make a header row: no need to look further.
        if (CHILD_ID in columns and len(columns) >= 2) or len(seen) >= HEADER_SEARCH:
            break
    index, headers, columns = best
    return index + 1, headers, columns, itertools.chain(seen[index + 1:], rows)
