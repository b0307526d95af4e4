"""The project's URLs plus the framework floor: the cheapest page a signed-in user can ask for."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


@login_required
def floor(request):
    """Every middleware runs (session, auth, CSRF, CSP, access log, Axes); no query or template of our own."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def layout(request):
    """The shared page layout with no content: navigation, the header's flag count, the sign-out form."""
    return render(request, "base.html")


urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    path("bench/layout/", layout, name="bench_layout"),
    path("", include("oversight.urls")),
]
