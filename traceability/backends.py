from axes.backends import AxesStandaloneBackend


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
