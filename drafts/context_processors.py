from django.conf import settings


def session_timeout(request):
    """For the timeout warning (templates/includes/timeout_warning.html): the idle timeout and the warning."""
    return {
        "session_idle_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": min(settings.SESSION_WARNING_SECONDS, settings.SESSION_COOKIE_AGE),
    }
