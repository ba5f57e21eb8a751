"""Information meetings, where cases are presented to participants."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.i18n import locale_by_id, localized_pages
from core.models import IndexPage, SitePage
from guidelines.models import Region


class MeetingIndexPage(IndexPage):
    """Upcoming and past information meetings (/casebog/moeder/)."""

    parent_page_types = ["casebook.CasebookIndexPage"]
    subpage_types = ["casebook.MeetingPage"]

    class Meta:
        verbose_name = _("oversigt over informationsmøder")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = MeetingPage.objects.child_of(self).live().public().select_related("region")
        today = timezone.localdate()
        context["upcoming"] = meetings.filter(date__gte=today).order_by("date")
        context["past"] = meetings.filter(date__lt=today).order_by("-date")
        return context


class MeetingPage(SitePage):
    date = models.DateField(_("dato"))
    place = models.CharField(_("sted"), max_length=255)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("region"),
    )
    summary = models.TextField(_("resumé"), blank=True)
    programme = RichTextField(
        _("program"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    content_panels = SitePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("place"), FieldPanel("region")],
            heading=_("Tid og sted"),
        ),
        FieldPanel("summary"),
        FieldPanel("programme"),
        InlinePanel("presented_cases", heading=_("Cases der præsenteres")),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("programme"),
        index.SearchField("place"),
    ]
    parent_page_types = ["casebook.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("informationsmøde")
        verbose_name_plural = _("informationsmøder")

    def cases(self):
        """The presented cases, each in this meeting's language where it has a live
        version in it (links name the Danish case); one query more at most."""
        cases = [link.case for link in self.presented_cases.select_related("case")]
        local = localized_pages(cases, locale_by_id(self.locale_id))
        return [page for page in (local[case.translation_key] for case in cases) if page.live]


class MeetingCase(Orderable):
    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="presented_cases")
    case = models.ForeignKey(
        "casebook.CasePage",
        on_delete=models.CASCADE,
        related_name="meeting_links",
        verbose_name=_("case"),
    )

    panels = [FieldPanel("case")]
