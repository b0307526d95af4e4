"""Deleting a person's draft once the form it belongs to has been saved."""
from functools import wraps

from .models import Draft


def clears_draft(form):
    """Decorate the form's view: a POST answered by a redirect saved the form, so its draft has served."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.method == "POST" and response.status_code == 302 and request.user.is_authenticated:
                Draft.objects.of(request.user, form, kwargs["pk"]).delete()
            return response

        return wrapped

    return decorator
