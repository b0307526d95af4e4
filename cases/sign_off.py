"""The lifecycle of every piece of practitioner work a manager signs off: draft -> submitted -> signed off |
returned (SPEC section 3, K 4, K 9, W 4), or draft -> filed where the configuration asks no sign-off.

Assessments and plans, court statements, chronologies for court, case summaries, reports to conferences and
reviews and closure summaries all go through this one module. Which kinds need sign-off and which K 5 items
are affirmed of each is configuration (`SignOffSetting`, with the defaults below); signing off a closure
summary closes the child's case.

Every status change locks the version, checks its status and saves it
(`organisation.writes`), so two people acting on the same version at once give
exactly one outcome, and the history keeps who moved it and when.
"""
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from organisation import policy, writes
from organisation.notifications import notify

from .models import Assessment, AssessmentVersion, Grade, ManagementDecision, PlanAction, SignOffSetting
from .services import close_case

Status = AssessmentVersion.Status

# The K 5 items a manager affirms before signing off: (field, what is affirmed).
K5_ITEMS = [
    ("affirmed_identity", "The child's identity, ethnicity and culture are reflected"),
    ("affirmed_seen_and_heard", "The child has been seen, spoken to and listened to"),
    ("affirmed_understanding", "The child knows and understands why they have a social worker"),
    ("affirmed_life_story", "Life-story work is evidenced"),
    ("affirmed_lived_experience", "The child's lived experience is evidenced"),
    ("affirmed_smart", "The plan is SMART"),
    ("affirmed_holistic", "The assessment of need is holistic"),
]
# Asked only of plans: an assessment has no plan to be SMART.
PLAN_ONLY = {"affirmed_smart"}
# A pathway plan is made with a care leaver, who has a personal adviser: the same items in their words.
PATHWAY_LABELS = {
    "affirmed_identity": "The young person's identity, ethnicity and culture are reflected",
    "affirmed_seen_and_heard": "The young person has been seen, spoken to and listened to",
    "affirmed_understanding": "The young person knows and understands why they have a personal adviser",
    "affirmed_lived_experience": "The young person's lived experience is evidenced",
}


Kind = Assessment.Kind
_ASSESSMENT = ("affirmed_identity", "affirmed_seen_and_heard", "affirmed_understanding", "affirmed_life_story",
               "affirmed_lived_experience", "affirmed_holistic")
_PLAN = (*_ASSESSMENT, "affirmed_smart")
# The items asked of each kind unless an administrator changes them: a court statement is not asked about
# life-story work, a chronology for court about little but the child's lived experience.
DEFAULT_ITEMS = {
    Kind.CHILD_AND_FAMILY: _ASSESSMENT,
    Kind.SECTION_47: _ASSESSMENT,
    Kind.CIN_PLAN: _PLAN,
    Kind.CP_PLAN: _PLAN,
    Kind.CARE_PLAN: _PLAN,
    Kind.PATHWAY_PLAN: _PLAN,
    Kind.COURT_STATEMENT: ("affirmed_identity", "affirmed_seen_and_heard", "affirmed_lived_experience",
                           "affirmed_holistic"),
    Kind.COURT_CHRONOLOGY: ("affirmed_lived_experience",),
    Kind.QUARTERLY_SUMMARY: ("affirmed_seen_and_heard", "affirmed_lived_experience", "affirmed_holistic"),
    Kind.CP_CONFERENCE_REPORT: ("affirmed_identity", "affirmed_seen_and_heard", "affirmed_understanding",
                                "affirmed_lived_experience", "affirmed_holistic"),
    Kind.CLA_REVIEW_REPORT: _ASSESSMENT,
    Kind.CLOSURE_SUMMARY: ("affirmed_seen_and_heard", "affirmed_understanding", "affirmed_lived_experience",
                           "affirmed_holistic"),
}
# Always signed off, whatever the configuration: assessments and plans count for ASSESSMENT-DUE and PLAN-MISSING
# only once signed off, and a closure summary's sign-off is the decision to close the case.
ALWAYS_SIGNED_OFF = (*Assessment.ASSESSMENT_KINDS, *Assessment.PLAN_KINDS, *Assessment.CLOSURE_KINDS)


def items_offered(kind):
    """The K 5 items that may be asked of a kind: "the plan is SMART" only of plans."""
    return [(f, label) for f, label in K5_ITEMS if kind in Assessment.PLAN_KINDS or f not in PLAN_ONLY]


def configuration(kind):
    """(needs sign-off, K 5 fields asked) for a kind of work, as configured (the defaults with no row)."""
    row = SignOffSetting.objects.filter(kind=kind).values_list("needs_sign_off", "items").first()
    needs, items = row or (True, DEFAULT_ITEMS[kind])
    return needs or kind in ALWAYS_SIGNED_OFF, items


def needs_sign_off(kind):
    return configuration(kind)[0]


def k5_items(kind):
    """The K 5 items affirmed for this kind of work, as configured, as (field, what is affirmed)."""
    asked = set(configuration(kind)[1])
    labels = PATHWAY_LABELS if kind == Kind.PATHWAY_PLAN else {}
    return [(field, labels.get(field, label)) for field, label in items_offered(kind) if field in asked]


class AlreadyDecided(Exception):
    """Somebody else acted on this version first."""


@transaction.atomic
def start(*, child, kind, author, meeting_date=None):
    """A first draft; a report for a conference or review carries its meeting's date."""
    if kind in Assessment.MEETING_KINDS and meeting_date is None:
        raise ValidationError({"meeting_date": "Enter the date of the meeting the report is for"})
    if kind in Assessment.CLOSURE_KINDS and not child.is_open:
        raise ValidationError({"kind": "This child's case is already closed"})
    assessment = Assessment(child=child, kind=kind, created_by=author,
                            meeting_date=meeting_date if kind in Assessment.MEETING_KINDS else None)
    writes.save(assessment, by=author)
    return writes.save(AssessmentVersion(assessment=assessment, number=1, author=author), by=author)


@transaction.atomic
def submit(*, version, author, now=None):
    """The author submits a draft for sign-off (or files it, where its kind needs none); it can no longer be
    edited."""
    if version.author_id != author.pk:
        raise PermissionDenied("Only the author submits their work.")
    locked = writes.lock(version, status=Status.DRAFT)
    if locked is None:
        raise AlreadyDecided("This version has already been submitted.")
    missing = locked.missing_for_submission()
    if missing:
        raise ValidationError(missing)
    needed = needs_sign_off(locked.assessment.kind)
    locked.status, locked.submitted_at = Status.SUBMITTED if needed else Status.FILED, now or timezone.now()
    return writes.save(locked, by=author)


def check_decision(*, version, manager, grade, affirmations, life_story_not_relevant_reason, feedback):
    """The reasons a decision cannot stand, as {field: message}; empty when it can."""
    errors = {}
    refusal = policy.sign_off_refusal(manager, version)
    if refusal:
        errors["__all__"] = refusal
    if not feedback.strip():
        errors["feedback"] = "Enter your rationale and feedback for the author"
    assessment = version.assessment
    if Grade.signs_off(grade) and assessment.kind in Assessment.CLOSURE_KINDS and not assessment.child.is_open:
        errors["__all__"] = "This child's case is already closed"
    if Grade.signs_off(grade):
        for field, label in k5_items(version.assessment.kind):
            if field == "affirmed_life_story":
                if not affirmations.get(field) and not life_story_not_relevant_reason.strip():
                    errors[field] = "Affirm life-story work, or give the reason it is not relevant"
            elif not affirmations.get(field):
                errors[field] = f"Affirm: {label.lower()}"
    return errors


@transaction.atomic
def decide(*, version, manager, grade, affirmations, life_story_not_relevant_reason="", feedback, now=None):
    """Sign off (good or outstanding, every K 5 item affirmed) or return (any lower grade).

    1. check the decision may stand;
    2. lock the version and move it out of SUBMITTED only if it is still there;
    3. write the decision and its rationale on the child's record;
    4. a closure summary signed off closes the child's case (the decision says so);
    5. tell the author.
    """
    errors = check_decision(
        version=version, manager=manager, grade=grade, affirmations=affirmations,
        life_story_not_relevant_reason=life_story_not_relevant_reason, feedback=feedback,
    )
    if errors:
        raise ValidationError(errors)
    now = now or timezone.now()
    outcome = Status.SIGNED_OFF if Grade.signs_off(grade) else Status.RETURNED
    version = writes.lock(version, status=Status.SUBMITTED)
    if version is None:
        raise AlreadyDecided("A decision has already been made on this version.")
    version.status, version.grade, version.feedback = outcome, grade, feedback
    version.decided_by, version.decided_at = manager, now
    version.life_story_not_relevant_reason = life_story_not_relevant_reason
    asked = {field for field, _ in k5_items(version.assessment.kind)}
    for field, _ in K5_ITEMS:
        setattr(version, field, field in asked and bool(affirmations.get(field)))
    writes.save(version, by=manager)
    assessment = version.assessment
    verb = "Signed off" if outcome == Status.SIGNED_OFF else "Returned to the author"
    closes = outcome == Status.SIGNED_OFF and assessment.kind in Assessment.CLOSURE_KINDS
    if closes:
        close_case(child=assessment.child, on=timezone.localdate(now), by=manager)
    decision = ManagementDecision(
        child=assessment.child,
        decided_on=timezone.localdate(now),
        manager=manager,
        context=ManagementDecision.Context.SIGN_OFF,
        decision=f"{verb}: {assessment.get_kind_display()}, version {version.number} "
        f"(graded {version.get_grade_display().lower()}).{' The case is closed.' if closes else ''}",
        rationale=feedback,
        assessment_version=version,
    )
    decision.full_clean()
    writes.save(decision, by=manager)
    kind, child = assessment.get_kind_display().lower(), assessment.child.local_id
    what = f"your {kind} for child {child} (version {version.number})"
    done = f"signed off {what}" if outcome == Status.SIGNED_OFF else f"returned {what} with feedback"
    notify(version.author, f"{manager} {done}.", version.get_absolute_url(), actor=manager, now=now)
    return version


@transaction.atomic
def new_version(*, assessment, author):
    """Revise a decided version: a new draft copied from the latest, which needs its own sign-off."""
    # The assessment's row is the lock: two "new version" posts at once make one draft.
    writes.lock(assessment)
    latest = assessment.versions.order_by("-number").first()
    if latest.status in AssessmentVersion.OPEN_STATUSES:
        raise ValidationError("This assessment already has a version in progress.")
    if assessment.kind in Assessment.CLOSURE_KINDS and not assessment.child.is_open:
        raise ValidationError("This child's case is closed: its closure summary cannot be revised.")
    draft = AssessmentVersion(
        assessment=assessment,
        number=latest.number + 1,
        author=author,
        **{f: getattr(latest, f) for f in AssessmentVersion.CONTENT_FIELDS},
    )
    writes.save(draft, by=author)
    PlanAction.objects.bulk_create(
        PlanAction(version=draft, what=a.what, who=a.who, by_when=a.by_when, how_measured=a.how_measured)
        for a in latest.actions.all()
    )
    return draft
