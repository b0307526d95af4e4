"""The child's record as one timeline, newest first.

Other apps add their entries (e.g. supervision's case discussions) by
registering a source in their AppConfig.ready(), so `cases` never imports them.
A source is `fn(child, user, limit=None) -> iterable of Entry`; it must apply the
viewer's scope itself and return only what belongs on the child's record (callers
pass a child read through Child.objects.visible_to(user), which the cases sources
rely on; documents still apply the confidential filter). Given `limit`, it may
return only its `limit` newest entries, newest first (ties in a fixed order), so a
long record is read a page at a time.
"""
from dataclasses import dataclass, field
from datetime import date

_sources = []

PAGE_SIZE = 50  # entries per page of the record


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


def _kinds_of(source):
    return {key for key, _ in getattr(source, "kinds", ())}


def kinds():
    """(key, label) of every kind a source has declared, for the filter."""
    seen = {}
    for source in _sources:
        for key, label in getattr(source, "kinds", ()):
            seen.setdefault(key, label)
    return list(seen.items())


def for_child(child, user, only=None, limit=None):
    """The child's entries visible to the user, newest first.

    `only` keeps the given kinds (and skips other sources' queries); `limit` keeps the newest `limit`.
    """
    sources = _sources
    if only:
        sources = [s for s in _sources if _kinds_of(s) & set(only)]
    entries = []
    for source in sources:
        # A source's newest `limit` may be of kinds filtered out below: then it must return everything.
        narrowed = only and not _kinds_of(source) <= set(only)
        entries.extend(source(child, user, limit=None if narrowed else limit))
    if only:
        entries = [e for e in entries if e.kind in only]
    # Stable: ties keep the sources' registration order, then each source's own order.
    entries = sorted(entries, key=lambda e: e.on, reverse=True)
    return entries if limit is None else entries[:limit]


def page_of(child, user, only=None, page=1):
    """One page of the timeline: (entries, whether older entries exist)."""
    end = page * PAGE_SIZE
    entries = for_child(child, user, only=only, limit=end + 1)
    return entries[end - PAGE_SIZE:end], len(entries) > end
