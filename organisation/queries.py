"""Query helpers every app's reads share."""
from django.db.models import Subquery


def latest(queryset, field):
    """The latest `field` of a correlated queryset (one with an OuterRef), as a subquery."""
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1])


def earliest(queryset, field):
    """The earliest `field` of a correlated queryset (one with an OuterRef), as a subquery."""
    return Subquery(queryset.order_by(field).values(field)[:1])
