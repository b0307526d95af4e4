"""Reviews of team managers' practice against the W Appendix 1 themes."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from .. import services, themes
from ..evidence.managers import manager_evidence
from ..forms import ReviewForm
from ..models import AuditStatus, ManagerPracticeReview
from ..selectors import reviewable_managers


@login_required
def review_list(request):
    user = request.user
    reviews = ManagerPracticeReview.objects.visible_to(user).select_related("manager__team", "reviewer")
    managers = reviewable_managers(user).select_related("team").annotate(
        last_reviewed=Max("practice_reviews__reviewed_on", filter=Q(practice_reviews__status=AuditStatus.COMPLETED))
    )
    return render(request, "audits/review_list.html", {"reviews": reviews, "managers": managers})


@login_required
def review_start(request, staff_pk):
    manager = get_object_or_404(reviewable_managers(request.user).select_related("team"), pk=staff_pk)
    draft = ManagerPracticeReview.objects.filter(
        manager=manager, reviewer=request.user, status=AuditStatus.DRAFT
    ).first()
    if draft:
        return redirect("audits:review_edit", draft.pk)
    today = timezone.localdate()
    review = ManagerPracticeReview(manager=manager, reviewer=request.user, reviewed_on=today)
    return _review_form(request, review, today, answers={})


@login_required
def review_edit(request, pk):
    review = get_object_or_404(
        ManagerPracticeReview.objects.visible_to(request.user)
        .filter(reviewer=request.user, status=AuditStatus.DRAFT)
        .select_related("manager__team"),
        pk=pk,
    )
    return _review_form(request, review, timezone.localdate(), answers={a.theme: a for a in review.answers.all()})


def _review_form(request, review, today, answers):
    completing = "complete" in request.POST
    form = ReviewForm(request.POST or None, instance=review, completing=completing, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save_if_current(lambda: services.save_review(
                review=form.instance, answers=form.answers(), complete=completing, today=today
            ))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if saved:
                messages.success(request, "Review completed." if completing else "Review saved as a draft.")
                return redirect(review)
    return render(request, "audits/review_form.html", {
        "form": form,
        "review": review,
        "manager": review.manager,
        "evidence": manager_evidence(review.manager, today),
        "themes": themes.BY_CODE,
    })


@login_required
def review_detail(request, pk):
    review = get_object_or_404(
        ManagerPracticeReview.objects.visible_to(request.user)
        .select_related("manager__team", "reviewer")
        .prefetch_related("answers"),
        pk=pk,
    )
    answers = {answer.theme: answer for answer in review.answers.all()}
    return render(request, "audits/review_detail.html", {
        "review": review,
        "rows": [(theme, answers.get(theme.code)) for theme in themes.THEMES],
        "can_edit": review.can_edit(request.user),
    })
