"""An offer: one place a citizen or a professional turns to, behind one actor of the
responsibility matrix (a psychiatric outpatient clinic, the municipality's social
psychiatry, a substance-misuse treatment centre ...), and how to get in contact."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.models import SitePage
from guidelines.models import Municipality, Region
from guidelines.places import offer_municipalities, outside_region

from ..kinds import ActorKind
from .places import region_above

# Loose: digits, spaces and a leading +, and a note in brackets after the number
# ("12 34 56 78 (opdigtet)", "+45 70 10 20 30 (hverdage)").
PHONE = RegexValidator(
    r"^\+?[0-9][0-9 ]{5,30}( \([^()]{1,60}\))?$",
    _("Skriv telefonnummeret med cifre og mellemrum, evt. med + foran og en note i parentes."),
)


def offer_errors(region, municipalities, whole_region):
    """Rules an offer must meet (OfferPage.clean; the admin form's values reach it)."""
    errors = {}
    if not whole_region and not municipalities:
        errors["municipalities"] = _(
            "Vælg de kommuner, tilbuddet dækker, eller sæt kryds i “Dækker hele regionen”."
        )
    if region is not None and (outside := outside_region(municipalities, region)):
        errors["municipalities"] = outside
    return errors


class OfferPageForm(WagtailAdminPageForm):
    """An offer's region is that of the region page it lives under; the municipalities
    offered are the region's (and those it has, so that one outside is reported)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        place = self.parent_page
        if place is None and self.instance.pk:
            place = self.instance.get_parent()
        self.instance.region = region_above(self.instance, place) if place is not None else None
        field = self.fields.get("municipalities")
        if field is not None:
            offer_municipalities(field, self.instance.region, self.instance)

    def _post_clean(self):
        # The model's check (OfferPage.clean) reads the offer's municipalities: give
        # it the submitted ones, not those stored before this save.
        if "municipalities" in self.cleaned_data:
            self.instance.municipalities = self.cleaned_data["municipalities"]
        super()._post_clean()


class OfferPage(SitePage):
    """An offer in a region's directory ("Hvem gør hvad"). It lives under the region's
    directory page, so the region's editors keep it up to date (and its moderators
    approve it); readers find it by municipality, grouped by the matrix's actors."""

    actor_kind = models.CharField(
        _("aktør"),
        max_length=20,
        choices=ActorKind.choices,
        help_text=_("Hvilken aktør i ansvarsfordelingen tilbuddet hører til."),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("region"),
    )
    municipalities = ParentalManyToManyField(
        Municipality,
        blank=True,
        related_name="+",
        verbose_name=_("kommuner"),
        help_text=_("De kommuner i regionen, hvis borgere tilbuddet er for."),
    )
    whole_region = models.BooleanField(
        _("dækker hele regionen"),
        default=False,
        help_text=_("Fx regionens akuttelefon: tilbuddet vises for alle regionens kommuner."),
    )
    description = models.TextField(
        _("kort beskrivelse"), blank=True, help_text=_("Et par linjer om, hvad tilbuddet gør.")
    )
    target_groups = models.TextField(
        _("målgrupper"), blank=True, help_text=_("Hvem tilbuddet er for, fx “Voksne over 18 år”.")
    )
    contact_role = models.CharField(
        _("kontakt (rolle)"),
        max_length=255,
        blank=True,
        help_text=_(
            "Fx “Visitationen” eller “Sygeplejerske i akutteamet”: "
            "en rolle, aldrig en persons navn."
        ),
    )
    phone = models.CharField(
        _("telefon"),
        max_length=60,
        blank=True,
        validators=[PHONE],
        help_text=_("Fx “70 11 22 33”."),
    )
    opening_hours = models.CharField(
        _("åbningstider"),
        max_length=255,
        blank=True,
        help_text=_("Fx “Hverdage kl. 8–15”."),
    )
    address = models.TextField(_("adresse"), blank=True)
    web = models.URLField(_("hjemmeside"), blank=True, max_length=500)
    verified_on = models.DateField(
        _("sidst kontrolleret"),
        help_text=_("Dato hvor oplysningerne sidst blev tjekket hos tilbuddet."),
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("actor_kind"),
        FieldPanel("description"),
        FieldPanel("target_groups"),
        MultiFieldPanel(
            [FieldPanel("whole_region"), FieldPanel("municipalities")],
            heading=_("Hvilke kommuner"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_role"),
                FieldPanel("phone"),
                FieldPanel("opening_hours"),
                FieldPanel("address"),
                FieldPanel("web"),
            ],
            heading=_("Kontakt"),
        ),
        FieldPanel("verified_on"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("target_groups"),
        index.FilterField("actor_kind"),
    ]
    parent_page_types = ["directory.RegionalDirectoryPage"]
    subpage_types = []
    base_form_class = OfferPageForm

    class Meta:
        verbose_name = _("tilbud")
        verbose_name_plural = _("tilbud")

    @property
    def phone_link(self):
        """The number for a tel: link: digits and a leading +, without the note."""
        number = self.phone.split("(")[0]
        return re.sub(r"[^0-9+]", "", number)

    def place_region(self):
        """The region of the region page the offer lives under, when it has a place."""
        return region_above(self)

    def clean(self):
        super().clean()
        if self.path:
            region = self.place_region()
            if region is not None:
                self.region = region
        region = self.region if self.region_id else None
        if region is None:
            raise ValidationError(_("Et tilbud hører til under en regions side."))
        errors = offer_errors(region, list(self.municipalities.all()), self.whole_region)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Wherever it is saved from (a form, an import, a move): the region of its place.
        if self.path:
            region = self.place_region()
            if region is not None:
                self.region = region
        return super().save(*args, **kwargs)
