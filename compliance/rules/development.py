"""SUPERVISOR-TRAINING (issue 20, W 5): anyone who supervises has current supervision-skills training."""
from dateutil.relativedelta import relativedelta
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce

from organisation.models import StaffMember
from supervision.models import SupervisionSession, TrainingRecord

from ..models import Owner, SubjectKind
from .base import Rule, cutoff, earliest, latest


class SupervisorTraining(Rule):
    """Someone with a current member of staff reporting to them, with no supervision-skills training completed
    and unexpired on `today` (a course counts up to and including its expiry date).

    A new supervisor has N months from their first supervision session held (with none, from their start in post;
    with neither, due now, SPEC 4b); training that has lapsed is due again at once.
    """

    code = "SUPERVISOR-TRAINING"
    subject = SubjectKind.STAFF
    owner = Owner.LINE_MANAGER  # the supervisor's own line manager, who books and signs off their training

    def population(self, today):
        supervises = StaffMember.objects.filter(line_manager=OuterRef("pk"), is_active=True)
        return StaffMember.objects.filter(Exists(supervises), is_active=True)

    @staticmethod
    def training(today):
        return TrainingRecord.objects.supervision_skills().filter(staff=OuterRef("pk"))

    def breaches(self, today, figures):
        held = SupervisionSession.objects.held().filter(supervisor=OuterRef("pk"), date__lte=today)
        months = relativedelta(months=figures["months"])
        lapsed = self.training(today).filter(completed_on__lte=today, expires_on__lt=today)
        return (
            self.population(today)
            .filter(~Exists(self.training(today).current(today)))
            .annotate(
                supervising_since=Coalesce(earliest(held, "date"), "started_in_post"),
                lapsed_on=latest(lapsed, "expires_on"),
            )
            .filter(
                Q(supervising_since__isnull=True)
                | Q(supervising_since__lt=cutoff(today, lambda start: start + months, today - months))
            )
        )

    def due_on(self, member, today, figures):
        if member.supervising_since is None:
            return member.lapsed_on or today
        grace_ends = member.supervising_since + relativedelta(months=figures["months"])
        return max(filter(None, (grace_ends, member.lapsed_on)))
