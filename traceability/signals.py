"""Sign-in events in the access log, session bookkeeping, and ending a disabled user's sessions."""
import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save

from .middleware import SESSION_STARTED, client_address
from .models import AccessLogEntry, Action, UserSession


def connect():
    user_logged_in.connect(signed_in, dispatch_uid="traceability_signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="traceability_signed_out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="traceability_sign_in_failed")
    post_save.connect(
        end_sessions_of_disabled_user, sender=settings.AUTH_USER_MODEL, dispatch_uid="traceability_disabled"
    )
    # Django's own last_login update would add a record-history row for every sign-in; ours skips history.
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    user_logged_in.connect(update_last_login_without_history, dispatch_uid="traceability_last_login")


def _address(request):
    return client_address(request) if request is not None else None


def signed_in(sender, request, user, **kwargs):
    AccessLogEntry.objects.create(user=user, action=Action.SIGNED_IN, address=_address(request))
    if request is None or not hasattr(request, "session"):
        return
    request.session[SESSION_STARTED] = time.time()
    if request.session.session_key is None:
        request.session.save()
    UserSession.objects.get_or_create(session_key=request.session.session_key, defaults={"user": user})


def signed_out(sender, request, user, **kwargs):
    if user is None:
        return
    AccessLogEntry.objects.create(user=user, action=Action.SIGNED_OUT, address=_address(request))
    if request is not None and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()


def sign_in_failed(sender, credentials, request=None, **kwargs):
    # The typed username is not stored: people sometimes type their password into it.
    user = get_user_model().objects.filter(username=credentials.get("username") or "").first()
    AccessLogEntry.objects.create(user=user, action=Action.SIGN_IN_FAILED, address=_address(request))


def end_sessions_of_disabled_user(sender, instance, **kwargs):
    """Disabling a user ends every session they hold at once (SPEC section 7)."""
    if instance.is_active:
        return
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = UserSession.objects.filter(user=instance)
    for key in sessions.values_list("session_key", flat=True):
        store(session_key=key).delete()
    sessions.delete()


def update_last_login_without_history(sender, user, **kwargs):
    user.skip_history_when_saving = True
    try:
        update_last_login(sender, user, **kwargs)
    finally:
        del user.skip_history_when_saving
