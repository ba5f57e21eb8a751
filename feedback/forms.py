"""The feedback forms: guarded without a CSRF token (core/guarded_forms.py), and
the view limits how often one client may answer."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.guarded_forms import GuardedForm

from .models import COMMENT_LENGTH

ANSWER_SALT = "feedback.answer"
ANSWER_MAX_AGE = 24 * 3600  # a comment belongs to the answer just given


def answer_token(feedback):
    return signing.dumps(feedback.pk, salt=ANSWER_SALT)


def answer_id(token):
    """The feedback row a comment token names, or None (forged or too old)."""
    try:
        return signing.loads(token, salt=ANSWER_SALT, max_age=ANSWER_MAX_AGE)
    except signing.BadSignature:
        return None


class FeedbackForm(GuardedForm):
    helpful = forms.TypedChoiceField(
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        error_messages={"required": _("Vælg ja eller nej.")},
    )
    path = forms.CharField(max_length=500)
    page = forms.IntegerField(required=False, min_value=1)

    def clean_path(self):
        path = self.cleaned_data["path"]
        if not path.startswith("/") or path.startswith("//"):
            raise forms.ValidationError(_("Ukendt side."))
        return path

    def clean_page(self):
        page_id = self.cleaned_data.get("page")
        return Page.objects.filter(pk=page_id).first() if page_id else None


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
