"""What a reader makes of one row of a return, before it is matched against Oversight's records."""
import hashlib
import json
from dataclasses import dataclass, field


class RowError(ValueError):
    """A value in a row that cannot be read; the row is rejected with this message."""


@dataclass(frozen=True)
class Involvement:
    """An episode of involvement in the return: its category of involvement and dates."""

    category: str
    start: object
    end: object = None


@dataclass(frozen=True)
class Visit:
    occurred_on: object
    seen_alone: bool = False

    @property
    def key(self):
        return f"visit {self.occurred_on.isoformat()}"


STRATEGY = "Section 47 enquiry started"
ICPC = "Initial child protection conference"
PP_BEGAN = "Pre-proceedings (PLO) began"
COURT_APPLICATION = "Application to court for care proceedings"
CP_REVIEW = "Child protection review conference"
CIN_CLOSED = "Child in need episode closed"


@dataclass(frozen=True)
class Event:
    """A dated event for the chronology (referral, enquiry, conference, review)."""

    event_type: str
    occurred_on: object
    summary: str
    # The second and later event of a kind on one date in one row: numbered so each is kept.
    occurrence: int = 1

    @property
    def key(self):
        key = f"chronology {self.event_type} {self.occurred_on.isoformat()}"
        return key if self.occurrence == 1 else f"{key} #{self.occurrence}"


@dataclass(frozen=True)
class Assessed:
    """An assessment or plan the return records, with its authorisation date if any."""

    kind: str
    started_on: object
    authorised_on: object = None

    @property
    def key(self):
        return f"{self.kind} {self.started_on.isoformat()}"


@dataclass(frozen=True)
class CareSpell:
    """An SSDA903 episode of care: its dates and DfE codes ({CareEpisode field: value}, as sorted pairs)."""

    started_on: object
    ended_on: object
    values: tuple = ()

    @property
    def key(self):
        # A changed episode (an end date added, a corrected code) is a new key, and updates the one held.
        digest = hashlib.sha256(repr((self.ended_on, self.values)).encode()).hexdigest()[:12]
        return f"care episode {self.started_on.isoformat()} {digest}"


@dataclass(frozen=True)
class PreProceedingsSpell:
    """A CIN census PreProceedingsandFGDM block: when pre-proceedings began, and whether a family group
    decision-making meeting was offered and took place (yes or no: the census gives no date for the offer)."""

    started_on: object
    fgdm_offered: bool | None = None
    fgdm_facilitated: bool | None = None

    @property
    def key(self):
        # A later census saying more (an offer now made) is a new key, and updates the record held.
        return f"pre-proceedings {self.started_on.isoformat()} {self.fgdm_offered} {self.fgdm_facilitated}"


@dataclass(frozen=True)
class WorkerPeriod:
    """A closed period in the SSDA903 social worker table: who was the child's worker, from when to when."""

    worker_id: str
    start: object
    end: object

    @property
    def key(self):
        return f"allocation {self.worker_id} {self.start.isoformat()}"


@dataclass
class SourceRow:
    """One row (Annex A) or one <Child> element (CIN census), read and checked on its own."""

    location: str
    child_id: str = ""
    raw: object = None
    # None means the return does not say; a value is what it says.
    date_of_birth: object = None
    gender: str | None = None
    ethnicity: str | None = None
    involvement: Involvement | None = None
    died_on: object = None
    # DfE codes: disabilities space-separated ("NONE" for none), primary need N0-N9.
    disabilities: str | None = None
    primary_need: str | None = None
    uasc: bool | None = None
    uasc_ceased_on: object = None
    # None: the return has no such column; "": the column is blank.
    team_name: str | None = None
    worker_name: str | None = None
    # When the current allocation began, if the return says (SSDA903 social worker table).
    allocated_since: object = None
    worker_history: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    events: list = field(default_factory=list)
    assessments: list = field(default_factory=list)
    care_spells: list = field(default_factory=list)
    pre_proceedings: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    # A row that is read but brings nothing Oversight keeps (a contact, an adopter).
    skipped: str = ""

    content_hash: str = ""

    def __post_init__(self):
        # The row's values are kept only as their hash: a large file's rows must not all stay in memory.
        self.content_hash = hashlib.sha256(json.dumps(self.raw, default=str, sort_keys=True).encode()).hexdigest()
        self.raw = None


def referral_summary(source, nfa):
    """The chronology's words for a referral; the Annex A export reads source and NFA back from them."""
    return "Referral" + (f" (source {source})" if source else "") + ("; no further action" if nfa else "")


def closure_summary(reason):
    return CIN_CLOSED + (f" (reason {reason})" if reason else "")
