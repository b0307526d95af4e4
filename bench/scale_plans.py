"""Assessments and plans with their versions, SMART actions and sign-off decisions, in every state.

A plan gets a new version at each review; decided versions are signed off
(most) or returned, each with its sign-off decision on the child's record.
An open child's plan may end with a version awaiting sign-off (some for too
long: PLAN-UNSIGNED), a draft revision, or a returned version and its draft;
some children have no signed-off plan at all (PLAN-MISSING).
"""
from cases.demo_records import ACTIONS, CONTENT
from cases.models import Assessment, AssessmentVersion, ManagementDecision, PlanAction

from .scale import NULL, Pool, escape
from .scale_records import CIN, CL, CLA, CP

LABELS = {kind.value: kind.label for kind in Assessment.Kind}
PLAN = {CIN: "cin_plan", CP: "cp_plan", CLA: "care_plan", CL: "pathway_plan"}
GOOD = Pool([("good", 3), ("outstanding", 1)])
POOR = Pool([("requires_improvement", 3), ("inadequate", 1)])
GRADE_TEXT = {"good": "good", "outstanding": "outstanding", "requires_improvement": "requires improvement",
              "inadequate": "inadequate"}
FEEDBACK = {
    True: escape("Child-centred and SMART; the child's voice is clear."),
    False: escape("Say more about the child's lived experience and make the actions measurable."),
}
CONTENT_TEXT = "\t".join(escape(CONTENT[name]) for name in AssessmentVersion.CONTENT_FIELDS)
AFFIRMED = ("identity", "seen_and_heard", "understanding", "life_story", "lived_experience", "smart", "holistic")
AFFIRMED_TEXT = {good: "\t".join(["t" if good else "f"] * len(AFFIRMED)) for good in (True, False)}
ACTION_TEXT = [(escape(what), escape(who), days, escape(how)) for what, who, days, how in ACTIONS]
VERSION_COLUMNS = [
    "id", "assessment_id", "number", "author_id", "status", *AssessmentVersion.CONTENT_FIELDS, "created_at",
    "updated_at", "submitted_at", "decided_by_id", "decided_at", "grade", "feedback",
    *(f"affirmed_{name}" for name in AFFIRMED),
]


def kinds_for(cat, r):
    if cat == CIN:
        return (["cfa"] if r() < 0.8 else []) + [PLAN[cat]]
    if cat == CP:
        return (["cfa"] if r() < 0.6 else []) + (["s47"] if r() < 0.7 else []) + [PLAN[cat]]
    if cat == CLA:
        return (["cfa"] if r() < 0.3 else []) + [PLAN[cat]]
    if cat == CL:
        return [PLAN[cat]]
    return []


def build(gen, world, kids):
    size, cal, loader = gen.size, gen.cal, gen.loader
    rng = gen.rng("plans")
    r, TT = rng.random, cal.T
    wd = cal.add_working_days
    assessments, actions, decisions = [], [], []
    assessment_ids = loader.counter(Assessment)
    version_ids = loader.counter(AssessmentVersion)
    action_ids = loader.counter(PlanAction)
    decision_ids = loader.counter(ManagementDecision)

    def schedule(n, kind, is_plan, opened, end):
        """[(status, submitted, decided)] of one assessment: decided versions, then perhaps an open one."""
        first = opened + (15 + int(r() * 10) if is_plan else 5 + int(r() * 10))
        versions, day = [], first
        while day < end - 7 and len(versions) < 15:
            decided = day + 1 + int(r() * 6)
            versions.append(("signed_off" if r() < 0.93 else "returned", day, min(decided, TT - 1)))
            if not is_plan:
                if versions[-1][0] == "returned":
                    day = decided + 3 + int(r() * 5)
                    continue
                break
            day += size.review_days - 20 + int(r() * 40)
        if kids.closed[n]:
            if versions and versions[-1][0] == "returned":
                versions[-1] = ("signed_off",) + versions[-1][1:]
            return versions
        if not versions:
            return [("draft", None, None)]
        roll = r()
        if is_plan and n % 23 == 11:
            extra = "late"
        elif is_plan and n % 23 == 12:
            extra = "waiting"
        elif is_plan and n % 31 == 13:
            return [("draft", None, None)]
        else:
            extra = (None if roll < 0.70 else "waiting" if roll < 0.77 else "late" if roll < 0.81
                     else "draft" if roll < 0.91 else "returned")
        if extra in ("waiting", "late"):
            submitted = wd(TT, -int(r() * 4)) if extra == "waiting" else wd(TT, -6 - int(r() * 20))
            while versions and versions[-1][2] >= submitted:
                versions.pop()
            versions.append(("submitted", submitted, None))
        elif extra == "draft":
            versions.append(("draft", None, None))
        elif extra == "returned":
            versions[-1] = ("returned",) + versions[-1][1:]
            versions.append(("draft", None, None))
        return versions

    def rows():
        for n in range(len(kids)):
            cat, opened = kids.cat[n], kids.opened[n]
            end = kids.closed[n] or TT
            child, author = str(kids.id[n]), str(kids.holder(n, world))
            manager = str(world.teams[kids.team[n]].manager)
            for kind in kinds_for(cat, r):
                is_plan = kind in Assessment.PLAN_KINDS
                pk = str(next(assessment_ids))
                assessments.append((pk, child, kind, author, cal.at(min(opened + 1, TT), 9)))
                for number, (status, submitted, decided) in enumerate(schedule(n, kind, is_plan, opened, end), 1):
                    vid = str(next(version_ids))
                    if status == "draft":
                        created = max(opened, TT - int(r() * 20))
                        base = created
                        yield (vid, pk, str(number), author, status, CONTENT_TEXT, cal.at(created, 9),
                               cal.at(created, 9), NULL, NULL, NULL, "", "", AFFIRMED_TEXT[False])
                    elif status == "submitted":
                        base = submitted
                        yield (vid, pk, str(number), author, status, CONTENT_TEXT, cal.at(submitted - 3, 9),
                               cal.at(submitted, 10), cal.at(submitted, 10), NULL, NULL, "", "",
                               AFFIRMED_TEXT[False])
                    else:
                        base = submitted
                        good = status == "signed_off"
                        grade = GOOD.pick(r()) if good else POOR.pick(r())
                        yield (vid, pk, str(number), author, status, CONTENT_TEXT, cal.at(submitted - 3, 9),
                               cal.at(submitted, 10), cal.at(submitted, 10), manager, cal.at(decided, 16), grade,
                               FEEDBACK[good], AFFIRMED_TEXT[good])
                        verb = "Signed off" if good else "Returned to the author"
                        decisions.append((
                            str(next(decision_ids)), child, cal.d(decided), manager, "sign_off",
                            f"{verb}: {LABELS[kind]}, version {number} (graded {GRADE_TEXT[grade]}).",
                            FEEDBACK[good], vid, cal.at(decided, 16),
                        ))
                    if is_plan:
                        for k in (0, 1 + int(r() * (len(ACTION_TEXT) - 1))):
                            what, who, days, how = ACTION_TEXT[k]
                            actions.append((str(next(action_ids)), vid, what, who, cal.d(base + days), how))

    loader.copy(AssessmentVersion, VERSION_COLUMNS, rows())
    loader.copy(Assessment, ["id", "child_id", "kind", "created_by_id", "created_at"], assessments)
    loader.copy(PlanAction, ["id", "version_id", "what", "who", "by_when", "how_measured"], actions)
    loader.copy(ManagementDecision, [
        "id", "child_id", "decided_on", "manager_id", "context", "decision", "rationale", "assessment_version_id",
        "recorded_at",
    ], decisions)
    for model, counter in ((Assessment, assessment_ids), (AssessmentVersion, version_ids), (PlanAction, action_ids),
                           (ManagementDecision, decision_ids)):
        loader.done(model, counter)
