"""Children, their allocations and what is on their record: chronology, visits, documents, decisions, meetings.

Every pass walks the children in the same order with its own random stream.
Gaps are deliberate and steady, so every records rule has work at any size:
about 3% of open children have no chronology (CHRON-MISSING), some have gone
stale, some are overdue a visit, never seen alone, short of a quarterly
summary, a photo or a birth certificate, or had a conference without their
manager.
"""
from dataclasses import dataclass, field

from cases.demo import AGES, CONTINGENCY, ETHNICITY_WEIGHTS, EXPECTATIONS, PURPOSES
from cases.demo import FIRST_NAMES as NAMES
from cases.demo import LAST_NAMES as SURNAMES
from cases.demo_records import EVENTS, SAID
from cases.models import Allocation, CaseNote, Child, ChronologyEntry, Document, ManagementDecision, ManagerMeeting

from .scale import NULL, Pool, T, escape
from .scale import F as FALSE

EH, CIN, CP, CLA, CL = "EH", "CIN", "CP", "CLA", "CL"
STATUTORY = {CP: (6, 12, 14), CIN: (14, 24, 28), CLA: (20, 36, 42)}  # (min gap, max gap, limit) in days
GENDERS = Pool([("1", 4), ("2", 4), ("0", 1)])
ETHNICITIES = Pool([(code.value, weight) for code, weight in ETHNICITY_WEIGHTS.items()])
EVENT_ROWS = [(event.value, escape(source), escape(summary)) for event, source, summary in EVENTS]
PLACEMENT = ("placement", "Children's services", "Moved to a new foster placement.")
SAID_TEXT = [escape(s) for s in SAID]
SEEN = escape("Home warm and tidy; food in the cupboards.")
NO_ACCESS = escape("No access: nobody home. Returned next day.")
NOTE = escape("Telephone call with school: attendance steady, no new concerns.")
DECISIONS = [
    (escape("Continue the plan; review at the next core group."),
     escape("Progress on school attendance; risks from home conditions reducing.")),
    (escape("Increase visits to weekly until the review."), escape("New concerns from school about neglect.")),
    (escape("Allocate to a qualified social worker for assessment."),
     escape("Threshold for a child and family assessment met.")),
]


@dataclass
class Children:
    """The children in compact parallel lists (index n), as every later pass reads them."""

    id: list = field(default_factory=list)
    cat: list = field(default_factory=list)
    opened: list = field(default_factory=list)
    closed: list = field(default_factory=list)  # 0 while open
    team: list = field(default_factory=list)  # index into World.teams
    worker: list = field(default_factory=list)  # 0 when unallocated
    meeting: list = field(default_factory=list)  # ICPC or PLO hearing day, or 0
    order: list = field(default_factory=list)  # court order day, or 0

    def __len__(self):
        return len(self.id)

    def holder(self, n, world):
        """Who writes on the record: the worker, or the team manager for an unallocated child."""
        return self.worker[n] or world.teams[self.team[n]].manager


def children(gen, world):
    size, cal, loader = gen.size, gen.cal, gen.loader
    rng = gen.rng("children")
    r, expo = rng.random, rng.expovariate
    TT, H = cal.T, int(size.history_years * 365)
    total = size.open_children + int(size.open_children * size.closed_share)
    first = loader.take_ids(Child, total)
    kids = Children()
    rows = []
    for n in range(total):
        t = int(r() * len(world.teams))
        team = world.teams[t]
        cat = team.categories[int(r() * len(team.categories))]
        if n < size.open_children:
            u = r()
            if u < 0.015:
                opened = TT - int(r() * 12)
            elif cat in (CLA, CL):
                opened = TT - 12 - int(r() * (H - 12))
            else:
                opened = TT - 12 - min(int(expo(1 / 420)), H - 13)
            closed = 0
        else:
            opened = TT - 60 - int(r() * (H - 60))
            closed = min(opened + 30 + int(r() * 700), TT - 1)
        low, high = AGES[cat]
        born = TT - (low * 365 + 30 + int(r() * (365 * (high - low) + 270)))
        if opened < born:
            opened = born
            closed = max(closed, opened) if closed else 0
        worker = team.pool.pick(r()) if r() > 0.04 and team.pool.n else 0
        iros = world.iros[team.service]
        iro = iros[int(r() * len(iros))] if cat in (CP, CLA) and iros else 0
        meeting = order = 0
        if cat == CP and opened + 15 < TT:
            meeting = opened + 15
        elif cat == CLA and r() < 0.4 and opened + 10 < TT:
            meeting = opened + 10
        if cat == CLA and r() < 0.4 and opened + 20 < TT:
            order = opened + 20
        pk = first + n
        kids.id.append(pk)
        kids.cat.append(cat)
        kids.opened.append(opened)
        kids.closed.append(closed)
        kids.team.append(t)
        kids.worker.append(worker)
        kids.meeting.append(meeting)
        kids.order.append(order)
        rows.append((
            str(pk), f"{size.prefix}{gen.seed}-{n + 1:07d}", NAMES[int(r() * len(NAMES))],
            SURNAMES[int(r() * len(SURNAMES))], cal.d(born), GENDERS.pick(r()), ETHNICITIES.pick(r()), cat,
            cal.d(opened), cal.d(closed) if closed else NULL, str(team.id), str(worker) if worker else NULL,
            str(iro) if iro else NULL,
        ))
    loader.copy(Child, [
        "id", "local_id", "first_name", "last_name", "date_of_birth", "gender", "ethnicity", "category",
        "opened_on", "closed_on", "team_id", "worker_id", "reviewing_officer_id",
    ], rows)
    return kids


def allocations(gen, world, kids):
    cal, rng = gen.cal, gen.rng("allocations")
    r = rng.random
    ids = gen.loader.counter(Allocation)
    purposes = [escape(p) for p in PURPOSES]
    expectations = [escape(e) for e in EXPECTATIONS]
    contingency = escape(CONTINGENCY)

    def rows():
        for n in range(len(kids)):
            team = world.teams[kids.team[n]]
            opened, closed = kids.opened[n], kids.closed[n]
            end = closed or cal.T
            span = end - opened
            handovers = (1 + (r() < 0.3)) if span > 120 and r() < 0.35 and team.pool.n else 0
            starts = [opened + span * j // (handovers + 1) for j in range(handovers + 1)]
            workers = [team.pool.pick(r()) for _ in range(handovers)] + [kids.worker[n]]
            purpose, expect = purposes[int(r() * len(purposes))], expectations[int(r() * len(expectations))]
            for j, start in enumerate(starts):
                last = j == handovers
                ended = (closed or None) if last else starts[j + 1]
                worker = workers[j]
                yield (
                    str(next(ids)), str(kids.id[n]), str(team.id), str(worker) if worker else NULL, cal.d(start),
                    cal.d(ended) if ended else NULL, str(team.manager), purpose, expect, contingency,
                    "Review at three months",
                )

    gen.loader.copy(Allocation, [
        "id", "child_id", "team_id", "worker_id", "started_on", "ended_on", "allocated_by_id", "purpose",
        "expectations", "contingency", "timescale",
    ], rows())
    gen.loader.done(Allocation, ids)


def chronology(gen, world, kids):
    """From the case opening to a last entry: recent for most, stale for some, none for about 3%."""
    size, cal, rng = gen.size, gen.cal, gen.rng("chronology")
    r, TT = rng.random, cal.T
    ids = gen.loader.counter(ChronologyEntry)
    gap, window = size.chronology_gap, cal.T - int(size.history_years * 365)

    def rows():
        for n in range(len(kids)):
            opened, closed = kids.opened[n], kids.closed[n]
            if not closed and (n % 29 == 7 and opened < TT - 16 or opened >= TT - 14 and r() < 0.5):
                continue  # CHRON-MISSING (or too recent to be due)
            if closed:
                last = closed
            else:
                last = TT - 95 - int(r() * 200) if r() < 0.07 else TT - int(r() * 60)
                last = max(last, opened, kids.meeting[n], kids.order[n]) if last > TT - 90 else max(last, opened)
            child, by = str(kids.id[n]), str(kids.holder(n, world))
            placements = kids.cat[n] == CLA
            day = max(opened, window)
            first = True
            while True:
                if first and day == opened:
                    event, source, summary = EVENT_ROWS[0]
                elif placements and r() < 0.06:
                    event, source, summary = PLACEMENT
                else:
                    event, source, summary = EVENT_ROWS[1 + int(r() * (len(EVENT_ROWS) - 1))]
                yield (str(next(ids)), child, cal.d(day), event, "t" if r() < 0.3 else FALSE, source, summary, by,
                       cal.at(day, 11))
                first = False
                if day >= last:
                    break
                day = min(last, day + 3 + int(rng.expovariate(1 / gap)))

    gen.loader.copy(ChronologyEntry, [
        "id", "child_id", "occurred_on", "event_type", "significant", "source", "summary", "recorded_by_id",
        "recorded_at",
    ], rows())
    gen.loader.done(ChronologyEntry, ids)


def visits(gen, world, kids):
    """Statutory visits at the category's rhythm (some overdue, some never alone), other visits and notes."""
    size, cal, rng = gen.size, gen.cal, gen.rng("visits")
    r, TT = rng.random, cal.T
    ids = gen.loader.counter(CaseNote)
    window = TT - int(size.visit_years * 365)

    def rows():
        for n in range(len(kids)):
            cat, opened, closed = kids.cat[n], kids.opened[n], kids.closed[n]
            child, by = str(kids.id[n]), str(kids.holder(n, world))
            end = closed or TT
            start = max(opened, window)
            if cat in STATUTORY:
                low, high, limit = STATUTORY[cat]
                if closed:
                    last = closed
                elif r() < 0.09:
                    last = TT - limit - 3 - int(r() * 40)  # VISITS: overdue
                else:
                    last = TT - int(r() * (high - 2))
                never_alone = cat in (CP, CLA) and r() < 0.06
                kind = "statutory_visit"
            else:
                low, high = 25, 60
                last, never_alone, kind = end - int(r() * 30), False, "visit"
            day = last
            while day >= start:
                seen = r() < 0.95
                alone = seen and not never_alone and r() < 0.75
                yield (
                    str(next(ids)), child, cal.d(day), kind, "t" if seen else FALSE, "t" if alone else FALSE,
                    "t" if alone else FALSE, SAID_TEXT[int(r() * len(SAID_TEXT))] if alone else "",
                    SEEN if seen else "", "" if seen else NO_ACCESS, by, cal.at(day, 15),
                )
                day -= low + int(r() * (high - low))
            if size.note_gap:
                day = end - int(r() * size.note_gap)
                while day >= start:
                    yield (str(next(ids)), child, cal.d(day), "note", FALSE, FALSE, FALSE, "", "", NOTE, by,
                           cal.at(day, 12))
                    day -= size.note_gap // 2 + int(r() * size.note_gap)

    gen.loader.copy(CaseNote, [
        "id", "child_id", "occurred_on", "kind", "child_seen", "seen_alone", "views_recorded", "child_said",
        "lived_experience", "note", "author_id", "recorded_at",
    ], rows())
    gen.loader.done(CaseNote, ids)


def documents(gen, world, kids):
    """Quarterly summaries (some late), looked-after children's photos and certificates, minutes, orders."""
    size, cal, rng = gen.size, gen.cal, gen.rng("documents")
    r, TT = rng.random, cal.T
    ids = gen.loader.counter(Document)
    window = TT - int(size.visit_years * 365)

    def rows():
        for n in range(len(kids)):
            cat, opened, closed = kids.cat[n], kids.opened[n], kids.closed[n]
            child, by = str(kids.id[n]), str(kids.holder(n, world))
            end = closed or TT
            docs = []
            if cat != EH:
                last = end - int(r() * 80) if closed or r() > 0.1 else TT - 100 - int(r() * 150)
                day = last
                while day >= max(opened + 20, window):
                    docs.append(("quarterly_summary", "Quarterly summary", day))
                    day -= 80 + int(r() * 12)
            if cat == CLA:
                if r() < 0.92:
                    docs.append(("birth_certificate", "Birth certificate", min(end, opened + int(r() * 60))))
                roll = r()
                last = end - int(r() * 330) if roll < 0.88 else end - 380 - int(r() * 300) if roll < 0.95 else 0
                day = last
                while day >= opened and day >= window:
                    docs.append(("photo", "Photo", day))
                    day -= 330 + int(r() * 60)
                if kids.order[n]:
                    docs.append(("court_order", "Interim care order", kids.order[n]))
            if cat in (CP, CLA):
                day = end - int(r() * 170)
                while day >= max(opened + 30, window):
                    docs.append(("review_minutes", "Review minutes", day))
                    day -= 180
            if r() < 0.15:
                docs.append(("report", "Police disclosure (third party)", max(opened, end - int(r() * 300))))
            for kind, title, day in docs:
                yield (str(next(ids)), child, kind, title, cal.d(day), by, "t" if kind == "report" else FALSE, by,
                       cal.at(day, 14))

    gen.loader.copy(Document, [
        "id", "child_id", "kind", "title", "dated", "owner_id", "confidential", "added_by_id", "added_at",
    ], rows())
    gen.loader.done(Document, ids)


def decisions_and_meetings(gen, world, kids):
    """Management decisions outside supervision, and the conferences and hearings a manager should attend."""
    size, cal, rng = gen.size, gen.cal, gen.rng("decisions")
    r, TT = rng.random, cal.T
    window = TT - int(size.history_years * 365)
    ids = gen.loader.counter(ManagementDecision)
    meetings = []

    def rows():
        for n in range(len(kids)):
            opened, end = kids.opened[n], kids.closed[n] or TT
            manager = world.teams[kids.team[n]].manager
            child = str(kids.id[n])
            day = max(opened, window) + int(r() * size.decision_gap)
            while day <= end:
                decision, rationale = DECISIONS[int(r() * len(DECISIONS))]
                yield (str(next(ids)), child, cal.d(day), str(manager), "outside_supervision", decision, rationale,
                       NULL, cal.at(day, 13))
                day += size.decision_gap // 2 + int(r() * size.decision_gap)
            if kids.meeting[n]:
                attended = r() < 0.9
                kind = "icpc" if kids.cat[n] == CP else "plo_hearing"
                meetings.append((kind, kids.meeting[n], child, manager, attended, kids.holder(n, world)))

    gen.loader.copy(ManagementDecision, [
        "id", "child_id", "decided_on", "manager_id", "context", "decision", "rationale", "assessment_version_id",
        "recorded_at",
    ], rows())
    gen.loader.done(ManagementDecision, ids)
    missed = escape("Manager on leave; no deputy attended.")
    first = gen.loader.take_ids(ManagerMeeting, len(meetings))
    gen.loader.copy(ManagerMeeting, [
        "id", "child_id", "kind", "held_on", "manager_id", "manager_attended", "attendance_confirmed_at", "notes",
        "recorded_by_id", "recorded_at",
    ], (
        (str(first + i), child, kind, cal.d(day), str(manager), T if attended else FALSE, cal.at(day, 17),
         "" if attended else missed, str(by), cal.at(day, 17))
        for i, (kind, day, child, manager, attended, by) in enumerate(meetings)
    ))
