"""Supervision at scale: sessions with case discussions, contracts, observations, appraisals, team meetings.

Each practitioner and team manager is supervised at their frequency (every
14 days while newly qualified or returning, otherwise monthly) by their line
manager; one in eight is overdue (SUP-FREQ), one in twenty has no contract,
some case discussions are filed late or not at all, some observations and
appraisals have lapsed, and one team in twenty has let its meetings lapse.
"""
from bisect import bisect_right
from collections import defaultdict

from cases.models import ManagementDecision
from supervision import demo_text as text
from supervision.models import (
    AgendaItem,
    Appraisal,
    CaseDiscussion,
    DiscussionAction,
    Observation,
    PersonalSection,
    SupervisionContract,
    SupervisionSession,
    TeamMeeting,
    TeamMeetingAction,
)

from .scale import NULL, escape

E = {name: [escape(s) for s in values] for name, values in (
    ("agenda", text.AGENDA), ("records", text.RECORDS), ("discussions", text.DISCUSSIONS),
    ("actions", text.ACTIONS), ("cancelled", text.CANCELLED), ("feedback", text.OBSERVATION_FEEDBACK),
    ("preparation", text.PREPARATION), ("reflection", text.REFLECTION),
)}
DECISIONS = [(escape(d), escape(why)) for d, why in text.DECISIONS]
PERSONAL = [[escape(s) for s in text.PERSONAL[name]] for name in PersonalSection.FIELDS]
APPRAISAL = "\t".join(escape(text.APPRAISAL[name]) for name in ("achievements", "goals", "development_needs"))
PURPOSE = escape("Assess the child's needs and agree a plan.")
EXPECTATIONS = escape("Visit at home within the statutory timescale; see the child alone and record their views.")
CONTINGENCY = escape("If there is no access, return within 24 hours, inform the team manager and contact school.")
ARRANGEMENTS = escape("Fortnightly or monthly in a private room, 90 minutes; both bring agenda items.")
SETTINGS = [s.value for s in Observation.Setting]
SESSION_COLUMNS = [
    "id", "supervisor_id", "supervisee_id", "date", "status", "cancelled_reason", "preparation", "reflection",
    "record", "completed_at", "acknowledged_at", "supervisee_comment", "commented_at", "created_at",
]
DISCUSSION_COLUMNS = [
    "id", "session_id", "child_id", "purpose", "expectations", "contingency", "discussion", "decision", "rationale",
    "filing_due_on", "filed_at", "management_decision_id", "created_at", "updated_at",
]


def caseloads(world, kids):
    """{worker id: [(opened, child id)] sorted}, and the same by team index for team managers' sessions."""
    by_worker, by_team = defaultdict(list), defaultdict(list)
    for n in range(len(kids)):
        if not kids.closed[n]:
            entry = (kids.opened[n], kids.id[n])
            by_team[kids.team[n]].append(entry)
            if kids.worker[n]:
                by_worker[kids.worker[n]].append(entry)
    for lists in (by_worker, by_team):
        for entries in lists.values():
            entries.sort()
    return by_worker, by_team


def sessions(gen, world, kids):
    size, cal, loader = gen.size, gen.cal, gen.loader
    rng = gen.rng("supervision")
    r, TT, wd, at = rng.random, cal.T, cal.add_working_days, cal.at
    window = TT - int(size.supervision_years * 365)
    by_worker, by_team = caseloads(world, kids)
    ids = {model: loader.counter(model) for model in (
        SupervisionSession, AgendaItem, PersonalSection, CaseDiscussion, DiscussionAction, ManagementDecision,
        SupervisionContract, Observation, Appraisal,
    )}
    rows = defaultdict(list)
    low, high = size.discussions

    def interval(member, day):
        if member.qualified and member.qualified <= day < member.qualified + 365:
            return 14
        if member.returning and day >= TT - 90:
            return 14
        return 30

    def held(member, sid, day, detail):
        done = min(day + int(r() * 2), TT)
        completed = at(done, 16)
        recent = TT - done < 10
        acknowledged = at(done + int(r() * 3), 17) if r() < (0.5 if recent else 0.95) else NULL
        if detail:
            for _ in range(1 + int(r() * 2)):
                rows[AgendaItem].append((str(next(ids[AgendaItem])), sid, E["agenda"][int(r() * 8)],
                                         str(member.supervisor if r() < 0.5 else member.id), at(day - 2, 9)))
            rows[PersonalSection].append((str(next(ids[PersonalSection])), sid,
                                          *(options[int(r() * len(options))] for options in PERSONAL), completed))
        if member.role == "team_manager":
            caseload, count = by_team.get(member.team, ()), 1 if r() < 0.3 else 0
        else:
            caseload, count = by_worker.get(member.id, ()), low + int(r() * (high - low + 1))
        eligible = bisect_right(caseload, (day, 1 << 62))
        for k in rng.sample(range(eligible), min(count, eligible)):
            discussion(member, sid, day, caseload[k][1], completed, recent)
        return (sid, str(member.supervisor), str(member.id), cal.d(day), "held", "",
                E["preparation"][int(r() * 3)] if r() < 0.4 else "",
                E["reflection"][int(r() * 3)] if r() < 0.3 else "",
                E["records"][int(r() * 3)], completed, acknowledged, "", NULL, at(day - 7, 9))

    def discussion(member, sid, day, child, completed, recent):
        due = wd(day, 2)
        roll = r()
        if recent and roll < 0.2:
            filed = NULL  # SUP-FILED once past its deadline
        elif roll < 0.06:
            filed = at(min(wd(day, 3 + int(r() * 4)), TT), 16)
        else:
            filed = completed
        decision = rationale = ""
        decision_id = NULL
        if filed != NULL and r() < 0.4:
            decision, rationale = DECISIONS[int(r() * len(DECISIONS))]
            decision_id = str(next(ids[ManagementDecision]))
            rows[ManagementDecision].append((decision_id, str(child), cal.d(day), str(member.supervisor),
                                             "supervision", decision, rationale, NULL, filed))
        pk = str(next(ids[CaseDiscussion]))
        rows[CaseDiscussion].append((pk, sid, str(child), PURPOSE, EXPECTATIONS, CONTINGENCY,
                                     E["discussions"][int(r() * 6)], decision, rationale, cal.d(due), filed,
                                     decision_id, at(day, 12), completed))
        owner = member.id if r() < 0.67 else member.supervisor
        due = day + 7 + int(r() * 21)
        rows[DiscussionAction].append((str(next(ids[DiscussionAction])), pk, E["actions"][int(r() * 6)], str(owner),
                                       cal.d(due), *_settled(cal, r, day, due, owner)))

    def member_sessions(i, member):
        now_interval = interval(member, TT)
        start = max(member.joined + 7, window)
        overdue = i % 8 == 3
        last = TT - now_interval - 5 - int(r() * 40) if overdue else TT - int(r() * (now_interval - 4))
        dates, day = [], last
        while day >= start:
            dates.append(day)
            day -= interval(member, day) + int(r() * 5) - 2
        for j, day in enumerate(reversed(dates)):
            sid = str(next(ids[SupervisionSession]))
            if j < len(dates) - 1 and r() < 0.04:
                yield (sid, str(member.supervisor), str(member.id), cal.d(day), "cancelled",
                       E["cancelled"][int(r() * 3)], "", "", "", NULL, NULL, "", NULL, at(day - 7, 9))
            else:
                yield held(member, sid, day, size.session_detail or day >= TT - 60)
        development(i, member, start)
        roll = r()
        if overdue and roll < 0.3:
            return  # nothing booked
        planned = TT - 2 if overdue and roll < 0.5 else TT + 1 + int(r() * 10)
        yield (str(next(ids[SupervisionSession])), str(member.supervisor), str(member.id), cal.d(planned), "planned",
               "", "", "", "", NULL, NULL, "", NULL, at(min(planned, TT) - 5, 9))

    def development(i, member, start):
        if i % 20 != 9:  # SUP-CONTRACT: one in twenty has none
            agreed = start - int(r() * 10)
            while agreed <= TT:
                fortnightly = member.qualified and member.qualified <= agreed < member.qualified + 365
                rows[SupervisionContract].append((
                    str(next(ids[SupervisionContract])), str(member.id), str(member.supervisor), cal.d(agreed),
                    "fortnightly" if fortnightly else "monthly", cal.d(agreed + 365), ARRANGEMENTS, cal.d(agreed),
                    cal.d(min(agreed + int(r() * 5), TT)) if r() < 0.95 else NULL, at(agreed, 9),
                ))
                agreed += 365
        qualified = member.qualified or start
        observed = []
        day = TT - 14 - int(r() * 316) if r() < 0.88 else TT - 380 - int(r() * 70)
        while day > qualified and day >= start - 365:
            pk = next(ids[Observation])
            observed.append((day, pk))
            rows[Observation].append((str(pk), str(member.id), str(member.supervisor), cal.d(day),
                                      SETTINGS[int(r() * len(SETTINGS))], E["feedback"][int(r() * 3)], at(day, 15)))
            day -= 350 + int(r() * 30)
        day = TT - 20 - int(r() * 320) if r() < 0.9 else TT - 380 - int(r() * 70)
        while day > qualified and day >= start - 365:
            before = [pk for on, pk in observed if on <= day]
            rows[Appraisal].append((str(next(ids[Appraisal])), str(member.id), str(member.supervisor), cal.d(day),
                                    APPRAISAL, str(before[0]) if before else NULL, at(day, 15)))
            day -= 355 + int(r() * 20)

    def all_sessions():
        for i, member in enumerate(world.supervised):
            yield from member_sessions(i, member)

    loader.copy(SupervisionSession, SESSION_COLUMNS, all_sessions())
    loader.copy(AgendaItem, ["id", "session_id", "text", "added_by_id", "added_at"], rows[AgendaItem])
    loader.copy(PersonalSection, ["id", "session_id", *PersonalSection.FIELDS, "updated_at"], rows[PersonalSection])
    loader.copy(ManagementDecision, [
        "id", "child_id", "decided_on", "manager_id", "context", "decision", "rationale", "assessment_version_id",
        "recorded_at",
    ], rows[ManagementDecision])
    loader.copy(CaseDiscussion, DISCUSSION_COLUMNS, rows[CaseDiscussion])
    loader.copy(DiscussionAction, ["id", "discussion_id", "what", "owner_id", "due_on", *SETTLED],
                rows[DiscussionAction])
    loader.copy(SupervisionContract, [
        "id", "staff_id", "supervisor_id", "agreed_on", "frequency", "review_on", "arrangements",
        "supervisor_signed_on", "staff_signed_on", "created_at",
    ], rows[SupervisionContract])
    loader.copy(Observation, ["id", "practitioner_id", "observer_id", "observed_on", "setting", "feedback",
                              "recorded_at"], rows[Observation])
    loader.copy(Appraisal, ["id", "staff_id", "appraiser_id", "held_on", "achievements", "goals",
                            "development_needs", "observation_id", "recorded_at"], rows[Appraisal])
    for model, counter in ids.items():
        loader.done(model, counter)


def team_meetings(gen, world):
    size, cal, loader = gen.size, gen.cal, gen.loader
    rng = gen.rng("team-meetings")
    r, TT = rng.random, cal.T
    window = TT - int(size.supervision_years * 365)
    meeting_ids = loader.counter(TeamMeeting)
    agenda, minutes = escape(text.MEETING_AGENDA), escape(text.MEETING_MINUTES)
    action = escape("Update chronologies before the audit")
    attendees, actions = [], []
    action_ids = loader.counter(TeamMeetingAction)

    def rows():
        for i, team in enumerate(world.teams):
            day = TT - 40 - int(r() * 40) if i % 20 == 7 else TT - int(r() * 28)  # TEAM-MEETING: one in 20 lapsed
            manager = str(team.manager)
            while day >= window:
                pk = str(next(meeting_ids))
                yield (pk, str(team.id), cal.d(day), manager, agenda, minutes, manager, cal.at(day, 15))
                attendees.append((pk, manager))
                attendees.extend((pk, str(p)) for p in team.practitioners if r() < 0.85)
                if team.practitioners:
                    owner = team.practitioners[int(r() * len(team.practitioners))]
                    actions.append((str(next(action_ids)), pk, action, str(owner), cal.d(day + 14),
                                    *_settled(cal, r, day, day + 14, owner)))
                day -= 28

    loader.copy(TeamMeeting, ["id", "team_id", "held_on", "chair_id", "agenda", "minutes", "recorded_by_id",
                              "recorded_at"], rows())
    loader.copy(TeamMeeting.attendees.through, ["teammeeting_id", "staffmember_id"], attendees)
    loader.copy(TeamMeetingAction, ["id", "meeting_id", "what", "owner_id", "due_on", *SETTLED], actions)
    loader.done(TeamMeeting, meeting_ids)
    loader.done(TeamMeetingAction, action_ids)


SETTLED = ["done_on", "done_by_id", "carried"]


def _settled(cal, r, agreed, due, owner):
    """(done on, done by, times carried) of an action agreed on day `agreed`: nearly every old one done by its
    owner, most recent ones too (organisation/actions.py); none carried (the sweep does not read the count)."""
    if due < cal.T and r() < (0.97 if due < cal.T - 60 else 0.7):
        return cal.d(max(agreed, min(cal.T, due + int(r() * 14) - 10))), str(owner), "0"
    return NULL, NULL, "0"
