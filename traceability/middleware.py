"""Request plumbing for traceability and sessions: the access log, the absolute session limit, no-store."""
import time

from django.conf import settings
from django.contrib.auth import logout
from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control

from .models import AccessLogEntry, Action
from .sensitive import LOGGED_VIEWS

SESSION_STARTED = "traceability_started"
REFUSED_STATUSES = (403, 404)


def client_address(request):
    """The caller's address: REMOTE_ADDR, or the address our own proxies saw (TRUSTED_PROXY_COUNT)."""
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or None


def _object_id(kwargs, name):
    value = kwargs.get(name)
    return value if isinstance(value, int) else None


class AccessLogMiddleware:
    """One INSERT per view of a sensitive page (sensitive.LOGGED_VIEWS), in the view's transaction;
    one per refused access (403/404 on a resolved URL) by a signed-in user.

    If the INSERT fails the exception propagates and the page is not served (SPEC section 7).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated:
            return self.get_response(request)
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return self.get_response(request)
        logged = LOGGED_VIEWS.get(match.view_name)
        if logged is not None and request.method in ("GET", "HEAD"):
            with transaction.atomic(savepoint=False):  # nested (ATOMIC_REQUESTS, tests): no savepoint
                response = self.get_response(request)
                if response.status_code == 200:
                    self._write(request, match, logged.action, logged.kind, _object_id(match.kwargs, logged.kwarg))
        else:
            response = self.get_response(request)
        if response.status_code in REFUSED_STATUSES:
            kind, object_id = "", next((v for v in match.kwargs.values() if isinstance(v, int)), None)
            if logged is not None:
                kind, object_id = logged.kind, _object_id(match.kwargs, logged.kwarg)
            self._write(request, match, Action.REFUSED, kind, object_id)
        return response

    def _write(self, request, match, action, kind, object_id):
        AccessLogEntry.objects.create(
            user=request.user, action=action, view_name=match.view_name, kind=kind, object_id=object_id,
            address=client_address(request),
        )


class SessionLimitMiddleware:
    """An absolute session lifetime (SESSION_ABSOLUTE_HOURS) on top of Django's idle timeout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            started = request.session.setdefault(SESSION_STARTED, time.time())
            if time.time() - started > settings.SESSION_ABSOLUTE_HOURS * 3600:
                logout(request)
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages seen signed in carry personal data: no browser or proxy keeps a copy (SPEC section 7)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
