from django import template

register = template.Library()


@register.filter
def filing_status(discussion, today):
    """(text, tag colour) of a case discussion against its filing deadline."""
    return discussion.filing_status(today)


@register.filter
def review_due(contract, today):
    return contract.is_review_due(today)


@register.filter
def appraisal_current(appraisal, today):
    return appraisal.is_current(today)
