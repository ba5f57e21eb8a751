"""Information meetings, where cases are presented to participants: one by one and
as series (a round of meetings in every region), with their materials and a
calendar file."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.i18n import locale_by_id, shown_pages
from core.models import IndexPage, SitePage
from guidelines.models import Region

from .. import ics
from .vocabulary import Vocabulary


class MeetingSeries(Vocabulary):
    """Meetings held as one round, e.g. the information meetings on the 2014
    guidelines in every region: the meeting list groups and filters by it."""

    description = models.TextField(_("beskrivelse"), blank=True)
    description_en = models.TextField(_("beskrivelse på engelsk"), blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = _("mødeserie")
        verbose_name_plural = _("mødeserier")

    @property
    def description_label(self):
        language = translation.get_language() or ""
        if self.description_en and language.startswith("en"):
            return self.description_en
        return self.description


class MeetingIndexPage(RoutablePageMixin, IndexPage):
    """Upcoming and past information meetings (/casebog/moeder/), and all of them as
    one calendar to subscribe to (kalender/)."""

    parent_page_types = ["casebook.CasebookIndexPage"]
    subpage_types = ["casebook.MeetingPage"]

    class Meta:
        verbose_name = _("oversigt over informationsmøder")

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("calendar")]

    def meetings(self):
        return MeetingPage.objects.child_of(self).live().public().select_related("region", "series")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = self.meetings()
        today = timezone.localdate()
        context["upcoming"] = meetings.filter(date__gte=today).order_by("date", "start_time")
        # Past meetings by series (a series' meetings together, in date order), then
        # the meetings of no series.
        groups = {}
        for meeting in meetings.filter(date__lt=today).order_by("date"):
            groups.setdefault(meeting.series, []).append(meeting)
        series = sorted((s for s in groups if s), key=lambda s: (s.sort_order, s.name))
        context["past_groups"] = [(s, groups[s]) for s in series]
        if None in groups:
            context["past_groups"].append((None, groups[None][::-1]))
        return context

    @path("kalender/", name="calendar")
    def calendar(self, request):
        meetings = self.meetings().order_by("date", "start_time")
        return ics.response(request, meetings, self.title, "informationsmoeder.ics")


class MeetingPage(RoutablePageMixin, SitePage):
    """One meeting: when and where, who organises it and for whom, its programme and
    materials, the cases presented, and how to sign up while it is still to come."""

    series = models.ForeignKey(
        MeetingSeries,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("mødeserie"),
    )
    date = models.DateField(_("dato"))
    start_time = models.TimeField(_("starter kl."), null=True, blank=True)
    end_time = models.TimeField(_("slutter kl."), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=255)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("region"),
    )
    organiser = models.CharField(
        _("arrangør"),
        max_length=255,
        blank=True,
        help_text=_("Organisationer, fx “Sundhedsstyrelsen og Socialstyrelsen med regionen”."),
    )
    audience = models.TextField(
        _("inviterede"), blank=True, help_text=_("Hvem mødet er for, fx ledere og fagfolk i …")
    )
    summary = models.TextField(_("resumé"), blank=True)
    programme = RichTextField(
        _("program"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    registration_url = models.URLField(
        _("tilmelding (adresse)"),
        blank=True,
        help_text=_("Vises kun, før mødet er holdt."),
    )
    registration_contact = models.CharField(
        _("tilmelding (kontakt)"),
        max_length=255,
        blank=True,
        help_text=_(
            "En funktion og en fælles postkasse, fx “Sekretariatet, psykiatri@region.dk”; "
            "aldrig en privat persons oplysninger."
        ),
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("series"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("start_time"),
                FieldPanel("end_time"),
                FieldPanel("place"),
                FieldPanel("region"),
            ],
            heading=_("Tid og sted"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("audience")], heading=_("Arrangør og deltagere")
        ),
        FieldPanel("summary"),
        FieldPanel("programme"),
        InlinePanel("materials", heading=_("Materialer")),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_contact")],
            heading=_("Tilmelding"),
        ),
        InlinePanel("presented_cases", heading=_("Cases der præsenteres")),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("programme"),
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["casebook.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("informationsmøde")
        verbose_name_plural = _("informationsmøder")

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("Mødet slutter, før det starter.")})

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("calendar")]

    @property
    def upcoming(self):
        return self.date >= timezone.localdate()

    @path("kalender/", name="calendar")
    def calendar(self, request):
        return ics.response(request, [self], self.title, f"{self.slug}.ics")

    def shown_materials(self):
        return self.materials.select_related("document")

    def series_siblings(self):
        """The other live meetings of its series, in date order."""
        if not self.series_id:
            return []
        siblings = MeetingPage.objects.sibling_of(self, inclusive=False).live().public()
        return siblings.filter(series_id=self.series_id).select_related("region").order_by("date")

    def cases(self):
        """The presented cases, each in this meeting's language where it has a live
        version in it (links name the Danish case); one query more at most."""
        cases = [link.case for link in self.presented_cases.select_related("case")]
        return shown_pages(cases, locale_by_id(self.locale_id))


def is_material_link(url):
    """A site address (/…) or a web address: nothing a browser would run
    (javascript:, data:) and no address on another host that looks like the site's."""
    return url.startswith(("https://", "http://")) or (
        url.startswith("/") and not url.startswith("//")
    )


class MaterialKind(models.TextChoices):
    SLIDES = "slides", _("Slides")
    HANDOUT = "handout", _("Udlevering")
    PROGRAMME = "program", _("Program")
    GUIDANCE = "vejledning", _("Vejledning")
    OTHER = "andet", _("Andet")


class MeetingMaterial(Orderable):
    """A file from the document library, or a link (e.g. to the edition of the
    guidance the meeting presented)."""

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("titel"), max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=MaterialKind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fil"),
    )
    url = models.CharField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("En adresse på sitet (/vejledninger/…) eller en fuld adresse (https://…)."),
    )

    panels = [FieldPanel("title"), FieldPanel("kind"), FieldPanel("document"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("materiale")
        verbose_name_plural = _("materialer")

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.url):
            raise ValidationError(_("Vælg enten en fil eller et link (ét af dem)."))
        if self.url and not is_material_link(self.url):
            raise ValidationError(
                {"url": _("Skriv en adresse på sitet (begynder med /) eller en fuld adresse.")}
            )

    @property
    def href(self):
        return self.document.url if self.document_id else self.url


class MeetingCase(Orderable):
    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="presented_cases")
    case = models.ForeignKey(
        "casebook.CasePage",
        on_delete=models.CASCADE,
        related_name="meeting_links",
        verbose_name=_("case"),
    )

    panels = [FieldPanel("case")]
