"""Funding sources: the pools and budgets cases are paid from, as records a reader can
open (owner, period, rounds, amounts, who may apply) and the casebook can filter by."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.models import IndexPage, SitePage

from ..amounts import kroner
from .cases import cases_linking

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class FundingIndexPage(IndexPage):
    """The funding sources behind the casebook's cases (/casebog/puljer/)."""

    parent_page_types = ["casebook.CasebookIndexPage"]
    subpage_types = ["casebook.FundingPage"]

    class Meta:
        verbose_name = _("oversigt over puljer og finansiering")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sources = FundingPage.objects.child_of(self).live().public()
        context["sources"] = sources.annotate(source_locale_id=F("alias_of__locale_id")).order_by(
            "-start_year", "title"
        )
        return context


def rounds_exceed(granted, total):
    return _("Runderne uddeler i alt %(rounds)s, mere end puljens %(total)s.") % {
        "rounds": kroner(granted),
        "total": kroner(total),
    }


class FundingPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        rounds = self.formsets.get("rounds")
        total = cleaned_data.get("total_amount")
        if rounds is not None and total is not None and rounds.is_valid():
            granted = sum(
                form.cleaned_data.get("amount") or 0
                for form in rounds.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            )
            if granted > total:
                self.add_error("total_amount", rounds_exceed(granted, total))
        return cleaned_data


class FundingPage(SitePage):
    """A pool or budget that pays for cases: who grants it, when, how much, to whom."""

    summary = models.TextField(_("resumé"))
    granted_by = models.CharField(
        _("bevilget af"), max_length=255, help_text=_("Fx ministerierne bag en satspulje.")
    )
    administrator = models.CharField(
        _("administreret af"), max_length=255, blank=True, help_text=_("Fx Socialstyrelsen.")
    )
    start_year = models.PositiveSmallIntegerField(_("fra år"))
    end_year = models.PositiveSmallIntegerField(_("til år"), null=True, blank=True)
    total_amount = models.DecimalField(
        _("beløb i alt (kr.)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    eligibility = models.TextField(
        _("hvem kan søge"), blank=True, help_text=_("Fx “en region og en eller flere kommuner”.")
    )
    body = RichTextField(_("beskrivelse"), blank=True, features=TEXT_FEATURES)
    source = models.CharField(
        _("kilde"), max_length=400, blank=True, help_text=_("Hvor tallene står.")
    )
    source_url = models.URLField(_("kildens adresse"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("granted_by"),
                FieldPanel("administrator"),
                FieldPanel("start_year"),
                FieldPanel("end_year"),
                FieldPanel("total_amount"),
                FieldPanel("eligibility"),
            ],
            heading=_("Fakta"),
        ),
        InlinePanel("rounds", heading=_("Ansøgningsrunder")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("source_url")], heading=_("Kilde")),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("granted_by"),
        index.SearchField("body"),
    ]
    parent_page_types = ["casebook.FundingIndexPage"]
    subpage_types = []
    base_form_class = FundingPageForm

    class Meta:
        verbose_name = _("pulje eller finansiering")
        verbose_name_plural = _("puljer og finansiering")

    @property
    def period(self):
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return str(self.start_year)

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Slutåret ligger før startåret.")})
        # The rounds as set on the page (an import; the admin form checks its own).
        granted = sum(r.amount or 0 for r in self.rounds.all())
        if self.total_amount is not None and granted > self.total_amount:
            raise ValidationError({"total_amount": rounds_exceed(granted, self.total_amount)})

    def cases(self):
        """The live cases it pays for, in this page's language."""
        return cases_linking(self, "funding_source")


class FundingRound(Orderable):
    """One application round of a pool."""

    page = ParentalKey(FundingPage, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("runde"), max_length=255, help_text=_("Fx “1. ansøgningsrunde”."))
    deadline = models.DateField(_("ansøgningsfrist"), null=True, blank=True)
    amount = models.DecimalField(
        _("beløb (kr.)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=400, blank=True)

    panels = [FieldPanel("name"), FieldPanel("deadline"), FieldPanel("amount"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("ansøgningsrunde")
        verbose_name_plural = _("ansøgningsrunder")
