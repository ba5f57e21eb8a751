from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from casebook.models import CasebookIndexPage
from core.models import SitePage
from guidelines.changes import latest_changes
from guidelines.models import GuidanceIndexPage, RegionIndexPage

from .blocks import KnownIssueBlock

# The three ways in, one per user group, in the order the home page shows them.
ENTRY_POINT_TYPES = (GuidanceIndexPage, RegionIndexPage, CasebookIndexPage)


class HomePage(SitePage):
    intro = models.TextField(_("introduktion"), blank=True)
    changes_count = 6

    content_panels = SitePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forside")

    def entry_points(self):
        children = Page.objects.child_of(self).live().public().type(*ENTRY_POINT_TYPES).specific()
        order = {model: i for i, model in enumerate(ENTRY_POINT_TYPES)}
        return sorted(children, key=lambda page: order[type(page)])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entry_points"] = self.entry_points()
        # Editions and regional publications, not every re-published page (/aendringer/).
        context["changes"] = latest_changes(request, self.changes_count)
        return context


class StandardPage(SitePage):
    """A plain page such as "Om platformen" or the accessibility statement.

    Standard pages directly under the home page are linked from the footer.
    """

    intro = models.TextField(_("introduktion"), blank=True)
    body = RichTextField(
        _("indhold"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    content_panels = SitePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standardside")


class Compliance(models.TextChoices):
    FULL = "full", _("Webstedet overholder standarden fuldt ud")
    PARTIAL = "partial", _("Webstedet overholder standarden delvist (de fleste krav)")
    NONE = "none", _("Webstedet overholder ikke standarden (ikke de fleste krav)")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("Vi har selv evalueret webstedet")
    EXTERNAL = "external", _("Vurderingen er foretaget af en ekstern part")
    OTHER = "other", _("Vi har anvendt en anden metode")


COMPLAINT_URL = (
    "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"
)


class AccessibilityStatementPage(SitePage):
    """The accessibility statement the web accessibility law asks for (lov nr. 692 af
    08/06/2018, § 4; bekendtgørelse nr. 904 af 22/08/2019), with the fields of the
    statement made in Digitaliseringsstyrelsen's WAS-Tool. The site's /was address
    leads to the WAS-Tool statement when its address is given, else to this page;
    the footer links this page."""

    intro = models.TextField(_("introduktion"), blank=True)
    compliance = models.CharField(
        _("overholdelsesstatus"), max_length=10, choices=Compliance.choices
    )
    standard = models.CharField(
        _("standard"), max_length=120, default="EN 301 549 (WCAG 2.1, niveau AA)"
    )
    known_issues = StreamField(
        [("issue", KnownIssueBlock())], blank=True, verbose_name=_("kendte mangler")
    )
    assessment_method = models.CharField(
        _("evalueringsmetode"), max_length=10, choices=AssessmentMethod.choices
    )
    assessment_description = models.TextField(_("sådan er webstedet evalueret"), blank=True)
    assessed_on = models.DateField(_("seneste evaluering"))
    prepared_on = models.DateField(_("erklæringen udarbejdet"))
    reviewed_on = models.DateField(
        _("erklæringen senest ajourført"),
        help_text=_("Ajourfør ved ændringer, der betyder noget for erklæringen, og mindst årligt."),
    )
    contact_email = models.EmailField(_("kontakt, e-mail"))
    contact_phone = models.CharField(_("kontakt, telefon"), max_length=40)
    complaint_url = models.URLField(
        _("klage til Digitaliseringsstyrelsen"), default=COMPLAINT_URL, max_length=300
    )
    was_url = models.URLField(
        _("erklæringen i WAS-Tool"),
        blank=True,
        help_text=_("Fx https://www.was.digst.dk/vejledning-dk. Sitets /was fører hertil."),
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("compliance"), FieldPanel("standard"), FieldPanel("known_issues")],
            heading=_("Overholdelse"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assessment_method"),
                FieldPanel("assessment_description"),
                FieldPanel("assessed_on"),
                FieldPanel("prepared_on"),
                FieldPanel("reviewed_on"),
            ],
            heading=_("Evaluering og datoer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("complaint_url"),
                FieldPanel("was_url"),
            ],
            heading=_("Kontakt og klage"),
        ),
    ]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    asks_for_feedback = True  # the statement's written feedback channel (feedback app)

    class Meta:
        verbose_name = _("tilgængelighedserklæring")

    def clean(self):
        super().clean()
        host = urlsplit(self.was_url).hostname or "" if self.was_url else ""
        if self.was_url and not (host == "was.digst.dk" or host.endswith(".was.digst.dk")):
            raise ValidationError({"was_url": _("Erklæringen i WAS-Tool ligger på was.digst.dk.")})
        if self.reviewed_on and self.prepared_on and self.reviewed_on < self.prepared_on:
            raise ValidationError(
                {"reviewed_on": _("Ajourføringen kan ikke ligge før udarbejdelsen.")}
            )
