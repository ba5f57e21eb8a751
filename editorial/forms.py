"""The admin's login form (settings.WAGTAILADMIN_USER_LOGIN_FORM).

Wagtail's form declares its password field anew without a label, so Django makes
one from the field's name, in English ("Password") whatever the language. Django's
own form has the label, translated by Django's catalogues ("Adgangskode"). Built on
core.login's form, which words the lockout message (django-axes) in Danish.
"""

from django.contrib.auth.forms import AuthenticationForm

from core.login import LoginForm as LockoutLoginForm


class LoginForm(LockoutLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = AuthenticationForm.base_fields["password"].label
