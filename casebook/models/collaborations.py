"""Collaborations: an alliance or partnership of regions, municipalities and
organisations, its partners, and the initiatives (cases) it runs."""

import datetime

from django.db import models
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.i18n import shown_pages
from core.models import SitePage
from guidelines.places import region_of_place

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
MONTHS = [(n, n) for n in range(1, 13)]


class CollaborationKind(models.TextChoices):
    ALLIANCE = "alliance", _("Alliance")
    PARTNERSHIP = "partnerskab", _("Partnerskab")
    NETWORK = "netvaerk", _("Netværk")


class PartnerKind(models.TextChoices):
    REGION = "region", _("Region")
    MUNICIPALITY = "kommune", _("Kommune")
    GENERAL_PRACTICE = "almen-praksis", _("Almen praksis")
    USERS = "brugere", _("Bruger- eller pårørendeorganisation")
    VOLUNTARY = "frivillig", _("Frivillig organisation eller NGO")
    OTHER = "andet", _("Andet")


class CollaborationPage(SitePage):
    """An alliance or partnership. A region's lives under the region's page (its editors
    own it); a national one under the casebook. Its initiatives name the cases."""

    kind = models.CharField(_("type"), max_length=20, choices=CollaborationKind.choices)
    summary = models.TextField(_("resumé"))
    start_year = models.PositiveSmallIntegerField(_("indgået år"))
    start_month = models.PositiveSmallIntegerField(
        _("indgået måned"), null=True, blank=True, choices=MONTHS
    )
    ambition = RichTextField(_("ambition"), features=TEXT_FEATURES)
    body = RichTextField(_("om samarbejdet"), blank=True, features=TEXT_FEATURES)
    source = models.CharField(_("kilde"), max_length=400, blank=True)
    source_url = models.URLField(_("kildens adresse"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("start_year"), FieldPanel("start_month")],
            heading=_("Fakta"),
        ),
        FieldPanel("ambition"),
        InlinePanel("partners", heading=_("Parter")),
        InlinePanel("initiatives", heading=_("Initiativer")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("source"), FieldPanel("source_url")], heading=_("Kilde")),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("ambition"),
        index.SearchField("body"),
    ]
    parent_page_types = ["casebook.CasebookIndexPage", "guidelines.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("samarbejde")
        verbose_name_plural = _("samarbejder")

    @cached_property
    def region(self):
        """The region whose page it lives under; None for a national one."""
        return region_of_place(self.get_parent())

    @property
    def started(self):
        """“april 2019”, in the reader's language; the year where the month is unknown."""
        if not self.start_month:
            return str(self.start_year)
        return date_format(datetime.date(self.start_year, self.start_month, 1), "F Y")

    def initiative_rows(self):
        """(initiative, its case in this page's language or None), in order: links
        name the Danish case; two queries more at most."""
        initiatives = list(self.initiatives.select_related("case"))
        cases = [initiative.case for initiative in initiatives if initiative.case_id]
        shown = {case.translation_key: case for case in shown_pages(cases, self.locale)}
        return [
            (initiative, shown.get(initiative.case.translation_key) if initiative.case else None)
            for initiative in initiatives
        ]


class CollaborationPartner(Orderable):
    page = ParentalKey(CollaborationPage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("navn"), max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=PartnerKind.choices)

    panels = [FieldPanel("name"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("part")
        verbose_name_plural = _("parter")


class CollaborationInitiative(Orderable):
    """One initiative: what the collaboration set out to do, and the case that does it."""

    page = ParentalKey(CollaborationPage, on_delete=models.CASCADE, related_name="initiatives")
    title = models.CharField(_("initiativ"), max_length=255)
    description = models.TextField(_("beskrivelse"), blank=True)
    case = models.ForeignKey(
        "casebook.CasePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiative_links",
        verbose_name=_("case"),
    )
    outcomes_invented = models.BooleanField(
        _("casens resultater er opfundet (demo)"),
        default=False,
        help_text=_("Vises ved initiativet, så ingen tager demoens resultater for gode varer."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("case"),
        FieldPanel("outcomes_invented"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("initiativ")
        verbose_name_plural = _("initiativer")
