"""A case: a local programme or initiative, and the recommendations it puts into practice."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.i18n import default_locale, locale_by_id, localized_pages, shown_pages
from core.models import SitePage
from guidelines.codes import validate_code
from guidelines.models import GuidanceDocumentPage, Municipality, RecommendationEntry, Region
from guidelines.places import offer_municipalities, outside_region, region_of_place

from .collaborations import CollaborationPage
from .meetings import MeetingPage
from .vocabulary import CaseStatus, TargetGroup, Theme

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def cases_linking(page, field):
    """The live, public cases in `page`'s language whose `field` names it (a funding
    source, a method): cases name the Danish page, or in a translated case its
    translation, so the pages are matched by translation key."""
    return (
        CasePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, **{f"{field}__translation_key": page.translation_key})
        .distinct()
        .select_related("region")
        .annotate(source_locale_id=F("alias_of__locale_id"))
        .order_by("-start_year", "title")
    )


def _slug_taken(slug, pk=None, translation_key=None):
    others = CasePage.objects.filter(slug=slug).exclude(pk=pk)
    return (others.exclude(translation_key=translation_key) if translation_key else others).exists()


def case_errors(
    region, municipalities, start_year, end_year, slug=None, pk=None, translation_key=None
):
    """Rules a case must meet (CasePage.clean; the admin form's values reach it)."""
    errors = {}
    # Cases live under different parents but are referred to by slug (meetings,
    # content files), so a slug names one case on the whole site. Its translations
    # (and aliases) share its translation key and keep its slug.
    if slug and _slug_taken(slug, pk, translation_key):
        errors["slug"] = _("En anden case bruger allerede denne slug.")
    if end_year and start_year and end_year < start_year:
        errors["end_year"] = _("Slutåret ligger før startåret.")
    if region is not None and (outside := outside_region(municipalities, region)):
        errors["municipalities"] = outside
    return errors


class CasePageForm(WagtailAdminPageForm):
    """A case's region is the region of the page it lives under (guidelines.places):
    set and locked for staff, an error for a superuser who contradicts it. The
    municipalities offered are the region's (all, grouped by region, for a national
    case), and the rules are checked against what was submitted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        place = self.parent_page if self.parent_page is not None else None
        if place is None and self.instance.pk:
            place = self.instance.get_parent()
        self.place_region = region_of_place(place) if place is not None else None
        self.place_known = place is not None
        region_field = self.fields.get("region")
        if region_field is not None and self.place_known:
            self.initial["region"] = self.place_region.pk if self.place_region else None
            region_field.help_text = (
                _("Casen ligger under %(region)s' side og hører derfor til regionen.")
                % {"region": self.place_region.name}
                if self.place_region
                else _(
                    "Casen ligger i den nationale casebog og er derfor national. "
                    "En regional case oprettes under regionens side."
                )
            )
            # A plain list (not the snippet chooser): five regions, shown locked.
            region_field.empty_label = _("Ingen (national case)")
            region_field.widget = forms.Select(choices=region_field.choices)
            if not (self.for_user and self.for_user.is_superuser):
                region_field.disabled = True
        municipalities = self.fields.get("municipalities")
        if municipalities is not None:
            offer_municipalities(municipalities, self.place_region, self.instance)
        if "recommendation_links" in self.formsets:
            self._offer_recommendations(self.formsets["recommendation_links"])
        self._offer_source_pages()

    def _offer_source_pages(self):
        """Funding sources and methods are chosen among the Danish pages (a case's
        English version shows their English translations), kept when already chosen."""
        for name in ("funding_source", "methods"):
            field = self.fields.get(name)
            if field is None:
                continue
            chosen = self.initial.get(name)
            chosen = [chosen] if not isinstance(chosen, list | tuple) else chosen
            chosen = [getattr(value, "pk", value) for value in chosen if value]
            model = field.queryset.model
            field.queryset = model.objects.filter(
                Q(locale=default_locale()) | Q(pk__in=chosen)
            ).order_by("title")
            if name == "funding_source":
                field.widget = forms.Select(choices=field.choices)
                field.empty_label = _("Ingen pulje (se detaljerne)")

    def _offer_recommendations(self, formset):
        """A recommendation picker: the live national documents (the Danish ones,
        which links name) and, grouped by document, their valid codes, so the editor
        chooses rather than types. Codes already linked stay offered."""
        documents = list(
            GuidanceDocumentPage.objects.live().filter(locale=default_locale()).order_by("path")
        )
        linked = (
            set(formset.get_queryset().values_list("code", flat=True))
            if self.instance.pk
            else set()
        )
        groups, offered = [("", "---------")], set()
        for document in documents:
            codes = [
                (rec["code"], f"{rec['code']} {rec.get('title') or ''}".strip())
                for _section, rec in document.recommendations()
            ]
            offered |= {code for code, _label in codes}
            groups.append((document.title, codes))
        if linked - offered:
            groups.append((_("Andre koder"), [(code, code) for code in sorted(linked - offered)]))
        document_ids = [document.pk for document in documents]
        base = formset.form

        class RecommendationLinkForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                document = self.fields["document"]
                document.queryset = document.queryset.filter(
                    Q(pk__in=document_ids) | Q(pk=self.instance.document_id or 0)
                )
                document.widget = forms.Select(choices=document.choices)
                document.error_messages["invalid_choice"] = _(
                    "Vælg et udgivet nationalt dokument fra listen."
                )
                code = self.fields["code"]
                self.fields["code"] = forms.ChoiceField(
                    choices=groups,
                    label=code.label,
                    help_text=_("Anbefalingerne står under deres dokument."),
                    error_messages={
                        "invalid_choice": _("Der findes ingen anbefaling med koden “%(value)s”.")
                    },
                )

        formset.form = RecommendationLinkForm

    def _post_clean(self):
        # The model's own check (CasePage.clean) reads the case's municipalities:
        # give it the submitted ones, not those stored before this save.
        if "municipalities" in self.cleaned_data:
            self.instance.municipalities = self.cleaned_data["municipalities"]
        super()._post_clean()

    def clean(self):
        cleaned_data = super().clean()
        region = cleaned_data.get("region")
        if self.place_known and "region" in self.fields and region != self.place_region:
            self.add_error(
                "region",
                _("Casen ligger under %(place)s; dens region skal være %(place)s.")
                % {"place": self.place_region.name}
                if self.place_region
                else _(
                    "Casen ligger i den nationale casebog og kan ikke høre til en region. "
                    "Flyt den under regionens side, eller lad feltet stå tomt."
                ),
            )
        # The other rules (case_errors) are the model's (CasePage.clean), which
        # _post_clean runs on the submitted values.
        return cleaned_data


class CasePage(SitePage):
    """A local programme or initiative. Regional cases live under their region's
    page (so the region's editors can own them); national ones under the casebook."""

    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("region"),
        help_text=_("Tom for nationale cases."),
    )
    municipalities = ParentalManyToManyField(
        Municipality, blank=True, related_name="cases", verbose_name=_("kommuner")
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, related_name="cases", verbose_name=_("målgrupper")
    )
    themes = ParentalManyToManyField(Theme, related_name="cases", verbose_name=_("temaer"))
    start_year = models.PositiveSmallIntegerField(_("startår"))
    end_year = models.PositiveSmallIntegerField(_("slutår"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices)
    funding_source = models.ForeignKey(
        "casebook.FundingPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funded_cases",
        verbose_name=_("pulje eller finansieringskilde"),
        help_text=_("Den pulje casen er betalt af, hvis den har en side; detaljer nedenfor."),
    )
    funding = models.CharField(
        _("finansiering (detaljer)"),
        max_length=255,
        blank=True,
        help_text=_("Fx tilskud, medfinansiering og hvad der er opfundet i demoen."),
    )
    methods = ParentalManyToManyField(
        "casebook.MethodPage",
        blank=True,
        related_name="method_cases",
        verbose_name=_("metoder"),
    )
    partners = models.TextField(_("parter"), blank=True)
    summary = models.TextField(_("resumé"))
    what_was_done = RichTextField(_("hvad blev gjort"), features=TEXT_FEATURES)
    results = RichTextField(_("resultater"), blank=True, features=TEXT_FEATURES)
    contact_role = models.CharField(
        _("kontakt (rolle)"),
        max_length=255,
        blank=True,
        help_text=_(
            "En rolle og organisation, fx “Projektleder, Randers Kommune”. Aldrig borgeres data."
        ),
    )
    review_date = models.DateField(
        _("genvurderes senest"),
        null=True,
        blank=True,
        help_text=_("Dato hvor casen tjekkes igen: er den stadig i brug og beskrevet rigtigt?"),
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("municipalities"),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("methods", widget=forms.CheckboxSelectMultiple),
                FieldPanel("start_year"),
                FieldPanel("end_year"),
                FieldPanel("status"),
                FieldPanel("review_date"),
            ],
            heading=_("Fakta"),
        ),
        FieldPanel("what_was_done"),
        FieldPanel("results"),
        MultiFieldPanel(
            [
                FieldPanel("funding_source"),
                FieldPanel("funding"),
                FieldPanel("partners"),
                FieldPanel("contact_role"),
            ],
            heading=_("Organisering"),
        ),
        InlinePanel("recommendation_links", heading=_("Anbefalinger casen omsætter")),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("what_was_done"),
        index.SearchField("results"),
        index.FilterField("status"),
        index.FilterField("region"),
    ]
    parent_page_types = ["casebook.CasebookIndexPage", "guidelines.RegionPage"]
    subpage_types = []
    base_form_class = CasePageForm

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    @property
    def period(self):
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return f"{self.start_year}–" if self.end_year is None else str(self.start_year)

    @cached_property
    def linked_recommendations(self):
        """(link, document, recommendation or None) for each linked code, in order.

        Links name the Danish document; the document shown is its live version in
        this case's language, where it has one."""
        links = list(self.recommendation_links.select_related("document"))
        local = localized_pages([link.document for link in links], locale_by_id(self.locale_id))
        shown = {link.pk: local[link.document.translation_key] for link in links}
        # Code and title from the recommendation index: no section is read.
        entries = {
            (entry.document_id, entry.code): entry
            for entry in RecommendationEntry.objects.filter(
                document__in={document.pk for document in shown.values()},
                code__in={link.code for link in links},
            )
        }
        return [
            (link, shown[link.pk], entries.get((shown[link.pk].pk, link.code))) for link in links
        ]

    def _localized(self, pages):
        return shown_pages(pages, locale_by_id(self.locale_id))

    @cached_property
    def shown_funding_source(self):
        shown = self._localized([self.funding_source]) if self.funding_source_id else []
        return shown[0] if shown else None

    @cached_property
    def shown_methods(self):
        return self._localized(list(self.methods.order_by("title")))

    @cached_property
    def presented_at(self):
        """The meetings where it was presented, in this case's language. A meeting
        names the Danish case (or, translated, its translation): by translation key."""
        return list(
            MeetingPage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                presented_cases__case__translation_key=self.translation_key,
            )
            .distinct()
            .select_related("region")
            .annotate(source_locale_id=F("alias_of__locale_id"))
            .order_by("-date")
        )

    @cached_property
    def collaborations(self):
        """The collaborations that count it among their initiatives, in its language."""
        # A collaboration and its translation both name the case (or its own
        # translation): one of each, then shown in this case's language.
        found = CollaborationPage.objects.live().public().order_by("title")
        found = found.filter(initiatives__case__translation_key=self.translation_key)
        return self._localized(list({page.translation_key: page for page in found}.values()))

    def clean(self):
        super().clean()
        errors = case_errors(
            self.region,
            self.municipalities.all(),
            self.start_year,
            self.end_year,
            slug=self.slug,
            pk=self.pk,
            translation_key=self.translation_key,
        )
        if errors:
            raise ValidationError(errors)


class CaseRecommendation(Orderable):
    """A case puts a recommendation into practice; the link is by the stable code."""

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="recommendation_links")
    document = models.ForeignKey(
        GuidanceDocumentPage,
        on_delete=models.CASCADE,
        related_name="case_links",
        verbose_name=_("dokument"),
    )
    code = models.CharField(_("kode"), max_length=20)

    panels = [FieldPanel("document"), FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("anbefaling")
        verbose_name_plural = _("anbefalinger")

    def clean(self):
        super().clean()
        try:
            validate_code(self.code)
        except ValidationError as error:
            raise ValidationError({"code": error.messages}) from error
        if self.document_id and not self.document.specific.find_recommendation(self.code):
            raise ValidationError({"code": _("Dokumentet har ingen anbefaling %s.") % self.code})
