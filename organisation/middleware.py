"""Per-request reads shared by everything a page computes."""
from . import standards


class ReadStandardsOnce:
    """The configured standards read once per request, however many members of staff a page asks about."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with standards.read_once():
            return self.get_response(request)
