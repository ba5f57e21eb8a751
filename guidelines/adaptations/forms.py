"""The page editor's form for a regional adaptation.

The section of each entry is chosen from the national document's sections
(all documents' sections, grouped, until the adaptation names its document),
and the document-wide rules are reported on the form, where the editor can
fix them, rather than when the page is saved.

The documents offered are the Danish originals (the default locale): an
English adaptation names the same document and shows its English text by
itself (models/adaptations.py); its edition may be one of either language's.

The models import this form, so it does not import them: it asks its instance
for the models its relations point at, and for the rules.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.i18n import default_locale

RELATION = "section_adaptations"


def original_documents(document_model):
    """The live documents in the default locale, which adaptations name. (Drafts are
    not offered: a region's editors may not see national drafts, core/drafts.py.)"""
    return document_model.objects.live().filter(locale=default_locale())


def offered_sections(document, kept=()):
    """The document's published sections, and those named in `kept` (the entries the
    adaptation already has), so that no entry loses its section unseen."""
    return [
        (section.slug, section.numbered_title)
        for section in document.all_sections()
        if section.live or section.slug in kept
    ]


def section_choices(document_model, document, kept=()):
    if document is not None:
        return [("", "---------")] + offered_sections(document, kept)
    groups = [("", "---------")]
    for each in original_documents(document_model).order_by("path"):
        groups.append((each.display_title, offered_sections(each, kept)))
    return groups


class AdaptationPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        document_model, edition_model = self._model("document"), self._model("based_on")
        document = self._document()
        if "document" in self.fields:
            field = self.fields["document"]
            field.queryset = document_model.objects.filter(
                Q(pk__in=original_documents(document_model).values("pk"))
                | Q(pk=self.instance.document_id)
            )
            field.widget = forms.Select(choices=field.widget.choices)
            field.error_messages["invalid_choice"] = _(
                "Vælg et udgivet nationalt dokument fra listen."
            )
        if "based_on" in self.fields:
            editions = edition_model.objects.select_related(
                "document", "document__locale"
            ).order_by("document__path", "effective_date", "released_at")
            if document is not None:
                # The document's editions in the adaptation's language (or, for an
                # English adaptation, the Danish original's too: the module docstring).
                editions = editions.filter(document__translation_key=document.translation_key)
                if self.instance.locale_id == document.locale_id:
                    editions = editions.filter(document=document) | editions.filter(
                        pk=self.instance.based_on_id or 0
                    )
                if not self.instance.based_on_id and document.edition_list:
                    self.initial.setdefault("based_on", document.edition_list[-1].pk)
            self.fields["based_on"].queryset = editions
            self.fields["based_on"].error_messages["invalid_choice"] = _(
                "Vælg en af dokumentets udgaver fra listen."
            )
            self.fields["based_on"].label_from_instance = lambda edition: (
                f"{edition.document.display_title}: {edition.label}"
                if document is None
                else edition.label
                if edition.document_id == document.pk
                else f"{edition.label} ({edition.document.locale.get_display_name()})"
            )

        formset = self.formsets.get(RELATION)
        if formset is not None:
            kept = (
                set(formset.get_queryset().values_list("section", flat=True))
                if self.instance.pk
                else set()
            )
            choices = section_choices(document_model, document, kept)
            base = formset.form

            class EntryForm(base):
                def __init__(self, *args, **kwargs):
                    super().__init__(*args, **kwargs)
                    field = self.fields["section"]
                    self.fields["section"] = forms.ChoiceField(
                        choices=choices,
                        label=field.label,
                        help_text=field.help_text,
                        error_messages={
                            "invalid_choice": _(
                                "Dokumentet har intet udgivet afsnit “%(value)s”. "
                                "Vælg et afsnit fra listen."
                            )
                        },
                    )

            formset.form = EntryForm

    def _model(self, relation):
        """The model one of the adaptation's relations points at."""
        return self.instance._meta.get_field(relation).related_model

    def _document(self):
        """The document the adaptation is for: as posted, else as saved."""
        if self.is_bound:
            value = self.data.get(self.add_prefix("document"))
            if value and str(value).isdigit():
                return self._model("document").objects.filter(pk=value).first()
            return None
        return self.instance.document if self.instance.document_id else None

    def clean(self):
        rules = type(self.instance)
        cleaned_data = super().clean()
        document = cleaned_data.get("document")
        based_on = cleaned_data.get("based_on")
        if document is None:
            return cleaned_data
        if based_on is not None and not rules.edition_fits(based_on, document):
            self.add_error("based_on", _("Udgaven hører ikke til den valgte vejledning."))
        if based_on is None and document.edition_list:
            self.add_error("based_on", _("Vælg den nationale udgave, tilpasningen er skrevet til."))
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        twin = parent and rules.twin_problem(parent, document.pk, self.instance.pk)
        if twin:
            self.add_error("document", twin)
        formset = self.formsets.get(RELATION)
        if formset is not None and formset.is_valid():
            slugs = [
                form.cleaned_data["section"]
                for form in formset.forms
                if form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("section")
            ]
            # Entries saved since this form was opened (by a colleague) stay on the
            # page, so they count too.
            posted = {form.instance.pk for form in formset.forms if form.instance.pk}
            slugs += [child.section for child in formset.get_queryset() if child.pk not in posted]
            for message in rules.document_problems(document, slugs):
                self.add_error(None, message)
        return cleaned_data
