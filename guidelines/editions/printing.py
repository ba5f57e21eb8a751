"""Print what you need: the edition in force, whole or chosen sections, as a page
for the browser's print or as PDF (<document>/udskriv/). The whole edition's PDF
is the stored one; a choice of sections is made when asked for."""

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .pdf import printable_sections, render_pdf


class PrintForm(forms.Form):
    afsnit = forms.MultipleChoiceField(
        label=_("Afsnit"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        error_messages={
            "required": _("Vælg mindst ét afsnit."),
            "invalid_choice": _("Udgaven har ikke afsnittet “%(value)s”."),
        },
    )
    format = forms.ChoiceField(
        label=_("Som"),
        choices=[("html", _("Side til udskrift")), ("pdf", _("PDF"))],
        initial="html",
        widget=forms.RadioSelect(attrs={"class": "form-radio"}),
        error_messages={"invalid_choice": _("Vælg side til udskrift eller PDF.")},
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (s["slug"], f"{s['number']}. {s['title']}" if s["number"] else s["title"])
            for s in sections
        ]
        self.fields["afsnit"].choices = choices
        self.fields["afsnit"].initial = [slug for slug, _label in choices]


def print_view(document, request):
    edition = document.edition_in_force()
    if edition is None:
        raise Http404(_("Dokumentet har endnu ingen gældende udgave at udskrive."))
    bound = any(name in request.GET for name in PrintForm.base_fields)
    form = PrintForm(request.GET if bound else None, sections=edition.sections)
    chosen = None
    if bound and form.is_valid():
        slugs = form.cleaned_data["afsnit"]
        whole = len(slugs) == len(edition.sections)
        if form.cleaned_data["format"] == "pdf":
            if whole:  # the stored PDF of the whole edition
                return redirect(
                    document.get_url(request)
                    + document.reverse_subpage("edition_pdf", args=[edition.slug])
                )
            response = HttpResponse(render_pdf(edition, slugs), content_type="application/pdf")
            name = f"{document.slug}-{edition.slug}-udvalg.pdf"
            response["Content-Disposition"] = f'inline; filename="{name}"'
            return response
        chosen = printable_sections(edition, slugs)
    context = document.edition_context(request, edition=edition, form=form, chosen=chosen)
    return TemplateResponse(
        request, "guidelines/editions/print.html", context, status=400 if form.errors else 200
    )
