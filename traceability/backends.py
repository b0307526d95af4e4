from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every sign-in over HTTP.

    Axes refuses an authenticate() call without a request; such calls come only
    from code run on the server (management commands, tests), never from a
    browser, so there is nothing to throttle and the next backend decides.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def attempted_username(request, credentials=None):
    """The username typed at sign-in, cut to the longest a staff member can have (AXES_USERNAME_CALLABLE).

    Axes records every failed attempt's username; a longer one (nobody's) would overflow its column.
    """
    source = credentials if credentials is not None else getattr(request, "POST", {})
    limit = get_user_model()._meta.get_field("username").max_length
    return str(source.get("username") or "")[:limit]
