"""The stances' part of the adaptation's editor form (models/stances.py).

It extends the adaptation form (adaptations/forms.py) and keeps to its own
inline list: each stance's recommendation is chosen from the national
document's recommendations, grouped by section, and the form says which
recommendations of a replaced section still lack a stance, and which stances
name a recommendation outside the replaced sections or one already stated, at
the stance or the list where the editor can fix it. Like the form it extends,
it asks its instance's class for the rules instead of importing the models.
"""

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .forms import RELATION as SECTIONS
from .forms import AdaptationPageForm, original_documents

STANCES = "recommendation_stances"


def recommendation_choices(documents):
    """The recommendations of `documents`, grouped by section (and document, when
    there are several), as choices."""
    documents = list(documents)
    groups = [("", "---------")]
    for document in documents:
        for section in document.all_sections():
            recommendations = section.recommendations
            if not recommendations:
                continue
            label = section.numbered_title
            if len(documents) > 1:
                label = f"{document.display_title}: {label}"
            groups.append(
                (label, [(r["code"], f"{r['code']} {r['title']}") for r in recommendations])
            )
    return groups


def stated(formset, key):
    """The forms of `formset` that state something and are not being deleted."""
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get(key)
    ]


class AdaptationStanceForm(AdaptationPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get(STANCES)
        if formset is None:
            return
        document = self._document()
        documents = (
            [document]
            if document is not None
            else original_documents(self._model("document")).order_by("path")
        )
        choices = recommendation_choices(documents)
        base = formset.form

        class StanceForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields["code"]
                self.fields["code"] = forms.ChoiceField(
                    choices=choices,
                    label=field.label,
                    help_text=field.help_text,
                    error_messages={
                        "required": _("Vælg den nationale anbefaling, holdningen gælder."),
                        "invalid_choice": _("Vejledningen har ingen anbefaling %(value)s."),
                    },
                )
                self.fields["stance"].error_messages.update(
                    required=_("Vælg, om anbefalingen beholdes, tilpasses eller ikke vedtages."),
                    invalid_choice=_("Vælg beholdt, tilpasset eller ikke vedtaget."),
                )

            def clean_text(self):
                # The editor posts an empty paragraph for no text: store none.
                value = self.cleaned_data.get("text") or ""
                return value if strip_tags(value).strip() else ""

        formset.form = StanceForm

    def clean(self):
        cleaned_data = super().clean()
        document = cleaned_data.get("document")
        stances, sections = self.formsets.get(STANCES), self.formsets.get(SECTIONS)
        if document is None or stances is None or sections is None:
            return cleaned_data
        if not (stances.is_valid() and sections.is_valid()):
            return cleaned_data  # each stance's own errors first
        rules = type(self.instance)
        replaced = [
            form.cleaned_data["section"]
            for form in stated(sections, "section")
            if form.cleaned_data.get("mode") == rules.replaced_mode
        ]
        stance_forms = stated(stances, "code")
        codes = [form.cleaned_data["code"] for form in stance_forms]
        problems = rules.duplicate_problems(codes) or rules.coverage_problems(
            document, replaced, codes
        )
        for position, message in problems:
            if position is None:
                # The list's own error, shown above it; it makes the form invalid.
                stances.non_form_errors().append(message)
            else:
                stance_forms[position].add_error("code", message)
        return cleaned_data
