"""Case file audits with answers and corrective actions, manager practice reviews, historic flags, snapshots.

Historic flags are resolved ones (the sweep raises today's); snapshots are
the 12 months before this one, as the monthly worker would have kept them.
"""
from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from audits import checklist, themes
from audits.demo import AREAS, GRADES, MET_CHANCE, NOT_MET, RESPONSES, STRENGTHS
from audits.models import (
    AuditAnswer,
    AuditProgramme,
    CaseFileAudit,
    CorrectiveAction,
    ManagerPracticeReview,
    ReviewAnswer,
)
from compliance.models import Flag, Snapshot, SubjectKind
from compliance.rules import RULES

from .scale import NULL, Pool, escape
from .scale_records import CLA

GRADE_POOL = Pool([(grade.value, weight) for grade, weight in GRADES])
CHANCE = {grade.value: chance for grade, chance in MET_CHANCE.items()}
NOT_MET_TEXT = {code: (escape(comment), escape(action)) for code, (comment, action) in NOT_MET.items()}
STRENGTHS_TEXT, AREAS_TEXT, RESPONSES_TEXT = ([escape(s) for s in texts] for texts in (STRENGTHS, AREAS, RESPONSES))
AGREED = escape("Audit two files a month and follow each corrective action to verification; minute every team "
                "meeting; agree a development plan with each practitioner.")
CHILD_RULES = ["CHRON-STALE", "VISITS", "SUMMARY", "SUP-FILED", "PLAN-UNSIGNED", "SEEN-ALONE", "CHRON-MISSING"]
STAFF_RULES = ["SUP-FREQ", "APPRAISAL", "OBSERVATION", "SUP-CONTRACT", "CASELOAD"]


def audits(gen, world, kids):
    size, cal, loader = gen.size, gen.cal, gen.loader
    rng = gen.rng("audits")
    r, TT = rng.random, cal.T
    AuditProgramme.objects.get_or_create(pk=1)
    by_team = defaultdict(list)
    for n in range(len(kids)):
        if not kids.closed[n]:
            by_team[kids.team[n]].append((kids.opened[n], n))
    for entries in by_team.values():
        entries.sort()
    ids = {model: loader.counter(model) for model in (CaseFileAudit, AuditAnswer, CorrectiveAction)}
    answers, actions = [], []

    def audit(team, n, day, draft):
        auditor = str(team.manager)
        worker = kids.worker[n]
        pk = str(next(ids[CaseFileAudit]))
        if draft:
            return (pk, str(kids.id[n]), str(team.id), str(worker) if worker else NULL, auditor, cal.d(day), "draft",
                    "", "", "", "", NULL, cal.at(day, 10), cal.at(day, 10))
        grade = GRADE_POOL.pick(r())
        not_met = []
        looked_after = kids.cat[n] == CLA
        for item in checklist.ITEMS:
            if (item.looked_after_only or item.code == "court_order") and not looked_after:
                answers.append((str(next(ids[AuditAnswer])), pk, item.code, "not_applicable", ""))
            elif r() < CHANCE[grade]:
                answers.append((str(next(ids[AuditAnswer])), pk, item.code, "met", ""))
            else:
                answers.append((str(next(ids[AuditAnswer])), pk, item.code, "not_met", NOT_MET_TEXT[item.code][0]))
                not_met.append(item.code)
        owner = str(worker) if worker else auditor
        for code in not_met[:3]:
            due = day + 10 + int(r() * 18)
            done = done_by = verified_by = verified = NULL
            if due < TT and r() < 0.75:
                done_on = max(day, min(TT, due + int(r() * 11) - 7))
                done, done_by = cal.d(done_on), owner
                if r() < 0.7:
                    verified_by, verified = auditor, cal.d(min(TT, done_on + 3))
            actions.append((str(next(ids[CorrectiveAction])), pk, NOT_MET_TEXT[code][1], owner, cal.d(due), done,
                            done_by, "0", verified_by, verified, cal.at(day, 11)))
        responded = worker and r() < 0.6
        return (
            pk, str(kids.id[n]), str(team.id), str(worker) if worker else NULL, auditor, cal.d(day), "completed",
            grade, STRENGTHS_TEXT[int(r() * 3)], "" if grade == "outstanding" else AREAS_TEXT[int(r() * 3)],
            RESPONSES_TEXT[int(r() * 2)] if responded else "",
            cal.at(min(TT, day + 1 + int(r() * 7)), 16) if responded else NULL, cal.at(day, 10), cal.at(day, 12),
        )

    def rows():
        months = int(size.audit_years * 12)
        for t, team in enumerate(world.teams):
            caseload = by_team.get(t, [])
            for month in range(months):
                for _ in range(size.audits_per_month):
                    day = TT - 30 * month - int(r() * 28)
                    eligible = sum(1 for opened, _ in caseload if opened <= day) if month else len(caseload)
                    if not eligible:
                        continue
                    n = caseload[int(r() * eligible)][1]
                    yield audit(team, n, day, draft=month == 0 and r() < 0.3)

    loader.copy(CaseFileAudit, [
        "id", "child_id", "team_id", "practitioner_id", "auditor_id", "audited_on", "status", "grade", "strengths",
        "areas_for_improvement", "practitioner_response", "responded_at", "created_at", "updated_at",
    ], rows())
    loader.copy(AuditAnswer, ["id", "audit_id", "item", "answer", "comment"], answers)
    loader.copy(CorrectiveAction, ["id", "audit_id", "what", "owner_id", "due_on", "done_on", "done_by_id",
                                   "carried", "verified_by_id", "verified_on", "created_at"], actions)
    for model, counter in ids.items():
        loader.done(model, counter)
    reviews(gen, world)


def reviews(gen, world):
    """A completed W Appendix 1 review of each team manager by their head of service, each year."""
    size, cal, loader = gen.size, gen.cal, gen.loader
    rng = gen.rng("reviews")
    r, TT = rng.random, cal.T
    review_ids, answer_ids = loader.counter(ManagerPracticeReview), loader.counter(ReviewAnswer)
    answers = []

    def rows():
        for team in world.teams:
            day = TT - 30 - int(r() * 300)
            while day > TT - size.audit_years * 365:
                pk = str(next(review_ids))
                yield (pk, str(team.manager), str(world.heads[team.service]), cal.d(day), "completed", AGREED,
                       cal.at(day, 10), cal.at(day, 12))
                for theme in themes.THEMES:
                    judgement = "unacceptable" if r() < 0.2 else "acceptable"
                    answers.append((str(next(answer_ids)), pk, theme.code, judgement,
                                    escape(f"Discussed and checked on the system: {theme.title.lower()}.")))
                day -= 365

    loader.copy(ManagerPracticeReview, ["id", "manager_id", "reviewer_id", "reviewed_on", "status", "agreed_actions",
                                        "created_at", "updated_at"], rows())
    loader.copy(ReviewAnswer, ["id", "review_id", "theme", "judgement", "evidence"], answers)
    loader.done(ManagerPracticeReview, review_ids)
    loader.done(ReviewAnswer, answer_ids)


def historic_flags(gen, world, kids):
    """Flags raised and resolved in the past: the open ones are the sweep's to raise."""
    size, cal, loader = gen.size, gen.cal, gen.loader
    rng = gen.rng("flags")
    r, TT = rng.random, cal.T
    ids = loader.counter(Flag)

    def flag(rule, kind, child, staff, team, start, end):
        due = start + int(r() * max(1, end - start - 20))
        resolved = due + 4 + int(r() * 60)
        if resolved >= TT:
            return None
        return (str(next(ids)), rule, kind, child, staff, team, cal.d(due), cal.at(due + 1, 6),
                cal.at(resolved, 6))

    def rows():
        for n in range(len(kids)):
            start, end = kids.opened[n], kids.closed[n] or TT
            team = str(world.teams[kids.team[n]].id)
            for _ in range(int((end - start) / 365 * size.flag_rate + r())):
                row = flag(CHILD_RULES[int(r() * len(CHILD_RULES))], SubjectKind.CHILD.value, str(kids.id[n]), NULL,
                           team, start, end)
                if row:
                    yield row
        for member in world.supervised:
            start = max(member.joined, TT - int(size.history_years * 365))
            team = str(world.teams[member.team].id)
            for _ in range(int((TT - start) / 365 * 0.6 + r())):
                row = flag(STAFF_RULES[int(r() * len(STAFF_RULES))], SubjectKind.STAFF.value, NULL, str(member.id),
                           team, start, TT)
                if row:
                    yield row

    loader.copy(Flag, ["id", "rule", "kind", "child_id", "staff_id", "team_id", "due_since", "raised_at",
                       "resolved_at"], rows())
    loader.done(Flag, ids)


def snapshots(gen, world, kids):
    """The 12 months before this one, per team and standard, drifting around a rate typical of each standard."""
    cal, loader = gen.cal, gen.loader
    rng = gen.rng("snapshots")
    r = rng.random
    open_children, staff = defaultdict(int), defaultdict(int)
    for n in range(len(kids)):
        if not kids.closed[n]:
            open_children[kids.team[n]] += 1
    for member in world.supervised:
        staff[member.team] += 1
    this_month = date.fromordinal(cal.T).replace(day=1)
    rates = {rule.code: 0.02 + r() * 0.15 for rule in RULES}
    ids = loader.counter(Snapshot)

    def rows():
        for back in range(12, 0, -1):
            month = (this_month - relativedelta(months=back)).isoformat()
            for t, team in enumerate(world.teams):
                for rule in RULES:
                    if rule.subject == SubjectKind.TEAM:
                        population = 1
                        breaches = 1 if r() < rates[rule.code] else 0
                    else:
                        base = open_children[t] if rule.subject == SubjectKind.CHILD else staff[t]
                        population = max(1, int(base * (0.95 + r() * 0.1)))
                        breaches = min(population, int(population * rates[rule.code] * (0.5 + r())))
                    yield (str(next(ids)), month, str(team.id), rule.code, str(population), str(breaches),
                           cal.now_text)

    loader.copy(Snapshot, ["id", "month", "team_id", "rule", "population", "breaches", "taken_at"], rows())
    loader.done(Snapshot, ids)
