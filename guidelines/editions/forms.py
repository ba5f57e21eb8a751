from django import forms
from django.utils.translation import gettext_lazy as _

from .release import ReleaseError, edition_slug


class ReleaseEditionForm(forms.Form):
    label = forms.CharField(
        label=_("Udgavens navn"), max_length=80, help_text=_("Fx “2. udgave, 2024”.")
    )
    effective_date = forms.DateField(
        label=_("Gælder fra"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("En dato i fremtiden frigiver udgaven nu, men den træder først i kraft da."),
    )
    effective_month_only = forms.BooleanField(
        label=_("Kun måneden er kendt"),
        required=False,
        help_text=_("Vis datoen som måned og år, fx “maj 2018”."),
    )
    change_summary = forms.CharField(
        label=_("Hvad er ændret"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )

    def __init__(self, *args, document, **kwargs):
        self.document = document
        super().__init__(*args, **kwargs)

    def clean_label(self):
        label = self.cleaned_data["label"].strip()
        try:
            slug = edition_slug(label)
        except ReleaseError as error:
            raise forms.ValidationError(str(error)) from error
        if self.document.editions.filter(slug=slug).exists():
            raise forms.ValidationError(_("Dokumentet har allerede en udgave med dette navn."))
        return label
