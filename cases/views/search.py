"""Finding a child from the header's search box, within the viewer's scope."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ..models import Child
from ..search import MAX_RESULTS, Search


@login_required
def search_children(request):
    search = Search(request.GET.get("q", ""))
    children = list(search.apply(Child.objects.visible_to(request.user)))
    return render(
        request,
        "cases/search.html",
        {
            "search": search,
            "children": children,
            "limited": len(children) == MAX_RESULTS,
            "max_results": MAX_RESULTS,
            "today": timezone.localdate(),
        },
    )
