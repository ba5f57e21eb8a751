"""The subscription form: an e-mail address and a topic, nothing else. It posts
without a CSRF token, guarded as the feedback form is (core/guarded_forms.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.guarded_forms import GuardedForm

from .topics import topic_for, topics


class SubscribeForm(GuardedForm):
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-mailadresse."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@kommune.dk."),
        },
    )
    topic = forms.ChoiceField(
        label=_("Hvad vil du have besked om?"),
        error_messages={
            "required": _("Vælg hvad du vil have besked om."),
            "invalid_choice": _("Vælg hvad du vil have besked om."),
        },
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [(t.value, t.label(locale)) for t in topics()]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_topic(self):
        topic = topic_for(self.cleaned_data["topic"])
        if topic is None:
            raise forms.ValidationError(_("Vælg hvad du vil have besked om."))
        return topic
