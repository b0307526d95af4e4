"""Error reports carry identifiers only; single sign-on matches existing staff by email and creates nobody."""
import sys

from django.test import RequestFactory

from organisation.models import StaffMember
from traceability.oidc import StaffByEmailBackend
from traceability.reporting import REMOVED, IdentifiersOnlyReporterFilter


def test_error_reports_keep_no_form_input_or_local_values():
    request = RequestFactory().post("/children/7/add/note/", {"note": "Amira said she is scared of ..."})
    reporter = IdentifiersOnlyReporterFilter()
    assert reporter.get_post_parameters(request) == {"note": REMOVED}
    child_name = "Amira Example"  # noqa: F841 (a local value an error report would show)
    frame = sys._getframe()
    assert dict(reporter.get_traceback_frame_variables(request, frame))["child_name"] == REMOVED


def test_single_sign_on_finds_the_active_staff_member_by_email(social_worker, colleague):
    backend = StaffByEmailBackend.__new__(StaffByEmailBackend)
    backend.UserModel = StaffMember
    found = backend.filter_users_by_claims({"email": social_worker.email.upper(), "email_verified": True})
    assert list(found) == [social_worker]
    colleague.is_active = False
    colleague.save()
    assert not backend.filter_users_by_claims({"email": colleague.email}).exists()
    assert not backend.filter_users_by_claims({"email": social_worker.email, "email_verified": False}).exists()
    assert not backend.filter_users_by_claims({}).exists()
