from django.views.debug import SafeExceptionReporterFilter

REMOVED = "[removed: may hold personal data]"


class IdentifiersOnlyReporterFilter(SafeExceptionReporterFilter):
    """Error reports keep the traceback and URL (identifiers) but no form input and no local values,
    which can hold names and case content (SPEC section 7)."""

    def is_active(self, request):
        return True

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return {key: REMOVED for key in request.POST}

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, REMOVED) for name in tb_frame.f_locals]
