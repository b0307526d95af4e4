"""The child's record as one timeline, newest first.

Other apps add their entries (e.g. supervision's case discussions) by
registering a source in their AppConfig.ready(), so `cases` never imports them.
A source is `fn(child, user) -> iterable of Entry`; it must apply the
viewer's scope itself and return only what belongs on the child's record.
"""
from dataclasses import dataclass, field
from datetime import date

_sources = []


@dataclass(frozen=True)
class Entry:
    on: date
    kind: str  # a stable key, used by the timeline filter
    label: str  # what the reader sees, e.g. "Chronology"
    title: str
    author: object = None
    body: str = ""
    details: tuple = field(default_factory=tuple)  # (label, value) pairs
    tags: tuple = field(default_factory=tuple)  # (text, colour) pairs
    url: str = ""
    manager_entry: bool = False


def register(source):
    if source not in _sources:
        _sources.append(source)
    return source


def kinds():
    """(key, label) of every kind a source has declared, for the filter."""
    seen = {}
    for source in _sources:
        for key, label in getattr(source, "kinds", ()):
            seen.setdefault(key, label)
    return list(seen.items())


def for_child(child, user, only=None):
    """The child's entries visible to the user; `only` keeps the given kinds (and skips other sources' queries)."""
    sources = _sources
    if only:
        sources = [s for s in _sources if {key for key, _ in getattr(s, "kinds", ())} & set(only)]
    entries = [e for source in sources for e in source(child, user)]
    if only:
        entries = [e for e in entries if e.kind in only]
    return sorted(entries, key=lambda e: e.on, reverse=True)
