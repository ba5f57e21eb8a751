"""The feedback forms. They post without a CSRF token (pages are cached and the
same for every reader, with no cookie): a signed time stamp says the form came
from one of the site's pages, a honeypot field catches form-filling robots, and
the view limits how often one client may answer."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .models import COMMENT_LENGTH

STAMP_SALT = "feedback.stamp"
STAMP_MAX_AGE = 2 * 24 * 3600  # a page may sit in a cache and an open tab for a while
ANSWER_SALT = "feedback.answer"
ANSWER_MAX_AGE = 24 * 3600  # a comment belongs to the answer just given


def stamp():
    return signing.TimestampSigner(salt=STAMP_SALT).sign("feedback")


def answer_token(feedback):
    return signing.dumps(feedback.pk, salt=ANSWER_SALT)


def answer_id(token):
    """The feedback row a comment token names, or None (forged or too old)."""
    try:
        return signing.loads(token, salt=ANSWER_SALT, max_age=ANSWER_MAX_AGE)
    except signing.BadSignature:
        return None


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        error_messages={"required": _("Vælg ja eller nej.")},
    )
    path = forms.CharField(max_length=500)
    page = forms.IntegerField(required=False, min_value=1)
    stamp = forms.CharField(max_length=200)
    # The honeypot: hidden from people (and from screen readers), filled by robots.
    website = forms.CharField(required=False)

    def clean_path(self):
        path = self.cleaned_data["path"]
        if not path.startswith("/") or path.startswith("//"):
            raise forms.ValidationError(_("Ukendt side."))
        return path

    def clean_page(self):
        page_id = self.cleaned_data.get("page")
        return Page.objects.filter(pk=page_id).first() if page_id else None

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


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Hvad manglede, eller hvad var forkert? (valgfrit)"),
        max_length=COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_LENGTH}),
        error_messages={
            "required": _("Skriv en kommentar, eller lad være med at sende."),
            "max_length": _("Skriv højst %(limit_value)d tegn."),
        },
    )
    website = forms.CharField(required=False)
