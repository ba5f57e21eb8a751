"""Logins that django-axes has locked out, told in Danish on the login page itself.

Axes counts failed logins and, past its limit, refuses the account (settings, "Logins").
Here the login forms say why instead of "wrong password", the lockout answers with
the login page the view rendered, as 429 Too Many Requests, and is logged by username.
"""

import logging

from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

logger = logging.getLogger(__name__)


def log_lockout(sender, request, username, ip_address, **kwargs):
    # Axes logs each failure with the username masked (it may be a mistyped password);
    # a lockout names the account, so that an administrator knows which to look at.
    # Not the address: that stays in axes' records, which expire (README, "Security and privacy").
    logger.warning(
        "Login locked out: too many failed logins for account %r or from its address.", username
    )


def connect_signals():
    user_locked_out.connect(log_lockout, dispatch_uid="core.login.log_lockout")


def lockout_message():
    minutes = int(get_cool_off().total_seconds() // 60)
    return gettext(
        "Kontoen er spærret efter for mange forkerte adgangskoder. Prøv igen om "
        "%(minutes)d minutter (hvert nyt forsøg imens forlænger spærringen), eller bed "
        "en administrator om at låse den op."
    ) % {"minutes": minutes}


class LockoutMessageMixin:
    """A login form that names the lockout rather than a wrong password."""

    def get_invalid_login_error(self):
        # Axes marks the request during authenticate(), before the form reports failure.
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


class LoginForm(LockoutMessageMixin, WagtailLoginForm):
    """The Wagtail admin's login form (WAGTAILADMIN_USER_LOGIN_FORM)."""


class AdminLoginForm(LockoutMessageMixin, AdminAuthenticationForm):
    """Django's admin's login form (site/urls.py)."""


def lockout_response(request, original_response=None, credentials=None):
    """Axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE)."""
    if isinstance(original_response, TemplateResponse) and "form" in (
        original_response.context_data or {}
    ):
        original_response.status_code = 429
        return original_response
    return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")
