"""A way back in for councils without single sign-on: an administrator issues a one-time set-password link.

The link is Django's password-reset token: it works once (setting the password changes what it was made from),
expires after SET_PASSWORD_LINK_HOURS, and the administrator hands it over by a channel the council trusts.
"""
from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import PasswordResetConfirmView
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ..forms import NewPasswordForm, SetPasswordLinkForm
from .access import administrators_only


@login_required
def set_password_link(request):
    administrators_only(request.user)
    form = SetPasswordLinkForm(request.POST or None)
    link = None
    if request.method == "POST" and form.is_valid():
        member = form.cleaned_data["username"]
        path = reverse("traceability:set_password", args=[
            urlsafe_base64_encode(force_bytes(member.pk)), default_token_generator.make_token(member),
        ])
        link = request.build_absolute_uri(path)
    return render(request, "traceability/set_password_link.html", {
        "form": form, "link": link, "link_hours": settings.SET_PASSWORD_LINK_HOURS,
    })


class SetPasswordView(PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "traceability/set_password.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The new password is the way back in: any lockout of the account ends with it.
        reset_lockout(username=form.user.get_username())
        messages.success(self.request, "Your password is set. Sign in with it.")
        return response
