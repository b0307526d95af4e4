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


@register.filter
def training_current(record, today):
    return record.is_current(today)


@register.filter
def current_supervision_skills(training, today):
    """Whether any of the listed training is current supervision-skills training (SUPERVISOR-TRAINING)."""
    return any(record.kind == record.Kind.SUPERVISION_SKILLS and record.is_current(today) for record in training)
