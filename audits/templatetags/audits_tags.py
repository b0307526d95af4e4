from django import template
from django.urls import reverse

from organisation import policy

register = template.Library()

GRADE_COLOURS = {"outstanding": "green", "good": "turquoise", "requires_improvement": "yellow", "inadequate": "red"}
ANSWER_COLOURS = {"met": "green", "not_met": "red", "not_applicable": "grey"}


@register.filter
def action_status(action, today):
    """(label, colour) of a corrective action on `today`."""
    return action.status(today)


@register.filter
def grade_colour(grade):
    return GRADE_COLOURS.get(grade, "grey")


@register.filter
def answer_colour(answer):
    return ANSWER_COLOURS.get(answer, "grey")


@register.inclusion_tag("audits/includes/audit_nav.html", takes_context=True)
def audits_nav(context):
    """The audit pages' sub-navigation, by what the user's role does there."""
    request = context["request"]
    user = request.user
    pages = [("audits:list", "Case file audits")]
    if policy.is_practitioner(user) or policy.is_manager(user):
        pages.append(("audits:self_checks", "Self-checks"))
    if policy.may_audit(user):
        pages.append(("audits:sample", "This month's sample"))
    if policy.is_manager(user):
        pages += [("audits:findings", "Findings"), ("audits:reviews", "Manager practice reviews")]
    pages.append(("audits:programme", "Audit programme"))
    items = [(reverse(name), text) for name, text in pages]
    return {"items": [(href, text, href == request.path) for href, text in items]}
