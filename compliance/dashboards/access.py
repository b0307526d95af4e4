"""Who sees the dashboards (SPEC section 1): managers, each within their own teams; anyone else gets 404."""
from django.http import Http404

from organisation import policy
from organisation.models import Service, Team


def require_manager(user):
    if not policy.sees_dashboards(user):
        raise Http404


def report_services(user):
    """The services whose monthly report the user reads: the head of service's own, the director's all."""
    if not policy.sees_reports(user):
        raise Http404
    return Service.objects.filter(pk__in=Team.objects.visible_to(user).values("service"))


def query_without(request, *names):
    """The page's filters as a query string, for the CSV links and pagination, without `names`."""
    query = request.GET.copy()
    for name in ("export", "page", "filter", *names):
        query.pop(name, None)
    return query.urlencode()
