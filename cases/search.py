"""Finding a child: by name (any part, accents ignored), local identifier, NHS number or date of birth.

Names are matched on `oversight_fold(first_name || ' ' || last_name)`, lower case without accents. On
PostgreSQL that is an IMMUTABLE SQL function over unaccent with a pg_trgm GIN index (migration
0006), so `LIKE '%smi%'` is an index scan at national scale; on SQLite (the demo) the same function is a
Python function registered on each connection and the search scans.
"""
import datetime
import re
import unicodedata

from django.db.models import F, Func, Q

from . import nhs_number

MAX_RESULTS = 50
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y")


def fold(text):
    """Lower case without accents: 'Zoë Ó Súilleabháin' -> 'zoe o suilleabhain' (the SQLite side)."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


class FoldedName(Func):
    """The SQL the name index is built on; the same text on both databases."""

    template = "oversight_fold(%(expressions)s)"
    arg_joiner = " || ' ' || "

    def __init__(self, prefix="", **extra):
        super().__init__(F(f"{prefix}first_name"), F(f"{prefix}last_name"), **extra)


def parse_date(text):
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class Search:
    """What was asked for, what it was read as, and the matching children of a scoped queryset."""

    def __init__(self, text):
        self.text = " ".join(text.split())[:100]
        self.kind = ""
        self.error = ""
        self._filter = None
        if not self.text:
            return
        born = parse_date(self.text)
        if born:
            self.kind, self._filter = "date of birth", Q(date_of_birth=born)
        elif nhs_number.looks_like(self.text):
            if nhs_number.is_valid(self.text):
                self.kind, self._filter = "NHS number", Q(nhs_number=nhs_number.normalise(self.text))
            else:
                self.error = nhs_number.INVALID
        else:
            self.kind = "name or local identifier"
            words = [fold(w) for w in re.split(r"[\s,]+", self.text) if w]
            # Each word anywhere in the name: 'jo smi' finds Joanne Smith; each LIKE can use the trigram index.
            names = Q()
            for word in words:
                names &= Q(folded_name__contains=word)  # Django escapes % and _
            self._filter = names | Q(local_id=self.text) | Q(local_id=self.text.upper())

    @property
    def asked(self):
        return bool(self._filter is not None)

    def apply(self, children):
        """The matches among `children` (already scoped to the viewer), by name, at most MAX_RESULTS."""
        if self._filter is None:
            return children.none()
        return (
            children.alias(folded_name=FoldedName())
            .filter(self._filter)
            .select_related("team", "worker")
            .order_by("last_name", "first_name", "pk")[:MAX_RESULTS]
        )
