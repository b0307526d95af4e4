"""Single sign-on with the council's identity provider (OpenID Connect), when OIDC_ENABLED is set."""
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class StaffByEmailBackend(OIDCAuthenticationBackend):
    """Signs in the existing, active staff member whose email matches the verified claim.

    OIDC_CREATE_USER is off: someone unknown to Oversight is refused, never created.
    """

    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip()
        if not email or claims.get("email_verified") is False:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)
