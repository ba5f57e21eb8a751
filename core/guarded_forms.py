"""Forms readers post from cached pages, which carry no CSRF token (pages are the
same for every reader and set no cookie): a signed time stamp says the form came
from one of the site's pages, and a honeypot field catches form-filling robots.
The views add a rate limit per client (core/ratelimit.py)."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

STAMP_SALT = "guarded-form.stamp"
STAMP_MAX_AGE = 2 * 24 * 3600  # a page may sit in a cache and an open tab for a while


def stamp():
    return signing.TimestampSigner(salt=STAMP_SALT).sign("feedback")


class GuardedForm(forms.Form):
    stamp = forms.CharField(max_length=200)
    # The honeypot: hidden from people (and from screen readers), filled by robots.
    website = forms.CharField(required=False)

    def clean_stamp(self):
        signer = signing.TimestampSigner(salt=STAMP_SALT)
        try:
            signer.unsign(self.cleaned_data["stamp"], max_age=STAMP_MAX_AGE)
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _("Siden var for gammel. Genindlæs den, og svar igen.")
            ) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(_("Svaret kom ikke fra en side på sitet.")) from error
        return self.cleaned_data["stamp"]

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
