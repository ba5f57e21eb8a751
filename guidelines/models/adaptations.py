"""Regional adaptations: a region's version of one national document.

An adaptation lives under its region's page, so the region's editors own it.
Per national section it says how the region departs from the national text:
not at all (the default for a section it does not name), with a local
addition after the national text, or with local text that replaces it (and
why). Sections are named by slug, as editions name them, so an adaptation can
be checked against what a newer national edition changed.

Sections shown as national, and the national part of supplemented ones, are
the live national text: only what the region wrote itself can go stale, and
that is what a newer edition flags for review (see adaptations/review.py).

In two languages (core/i18n.py) the rule is:

- `document` names the national document, normally the Danish original: the
  admin offers the Danish documents, and translations (wagtail-localize, the
  content format) copy page links unchanged.
- The national text an adaptation shows is `national_document`: the document's
  live counterpart in the adaptation's own locale, else the document itself.
  So an English adaptation shows the English national text once it is
  translated, and the Danish text (marked `lang="da"`) until then.
- Section entries name sections by slug, and translations keep their slugs
  (SitePage.override_translatable_fields), so an entry fits every language.
- Editions belong to one document in one language. `based_on` is an edition of
  `document` or of one of its translations, and the review compares the
  editions of the document that `based_on` belongs to: the Danish editions,
  unless the adaptation was based on an edition of the English document.
"""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from core.i18n import locale_by_id, localize
from core.models import SitePage

from ..adaptations.compare import KeyedInlinePanel
from ..adaptations.panels import ReviewPanel, SideBySidePanel
from ..adaptations.preview import PreviewLinks
from ..adaptations.review import Review
from ..adaptations.stance_form import AdaptationStanceForm
from .documents import GuidanceDocumentPage
from .editions import Edition
from .reference import Region
from .stances import StanceRow, coverage_problems, duplicate_problems, stance_problems

LOCAL_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]


class AdaptationMode(models.TextChoices):
    NATIONAL = "national", _("Som national")
    SUPPLEMENTED = "supplemented", _("Suppleret lokalt")
    REPLACED = "replaced", _("Erstattet lokalt")


def entry_problems(entry):
    """What is wrong with one section entry on its own: (field, message) pairs."""
    has_text = bool(strip_tags(entry.text or "").strip())  # the editor posts "<p …></p>" for none
    problems = []
    if entry.mode == AdaptationMode.NATIONAL:
        if has_text or (entry.reason or "").strip():
            problems.append(
                (
                    "mode",
                    _(
                        "Et afsnit som nationalt har ingen lokal tekst: vælg “suppleret” "
                        "eller “erstattet”, eller fjern teksten."
                    ),
                )
            )
    elif not has_text:
        problems.append(("text", _("Skriv den lokale tekst.")))
    if entry.mode == AdaptationMode.REPLACED and not (entry.reason or "").strip():
        problems.append(("reason", _("Skriv, hvorfor regionen erstatter den nationale tekst.")))
    return problems


def document_problems(document, slugs):
    """What is wrong with the list of section slugs for this document: messages."""
    known = {section.slug for section in document.get_children()} if document else set()
    problems, seen = [], set()
    for slug in slugs:
        if slug in seen:
            problems.append(_("Afsnittet “%s” er tilpasset mere end én gang.") % slug)
        elif slug not in known:
            problems.append(_("Dokumentet har intet afsnit “%s”.") % slug)
        seen.add(slug)
    return problems


def twin_problem(region_page, document_id, pk=None):
    """A message when the region already adapts this document (in any of its
    languages) in another page."""
    keys = GuidanceDocumentPage.objects.filter(pk=document_id).values("translation_key")
    twin = (
        RegionalAdaptationPage.objects.child_of(region_page)
        .filter(document__translation_key__in=keys)
        .exclude(pk=pk)
        .first()
    )
    if twin is None:
        return None
    return _("Regionen har allerede en tilpasning af denne vejledning: “%s”.") % twin.title


def edition_fits(edition, document):
    """Is `edition` one of `document`'s, or of one of its translations?"""
    return edition.document_id == document.pk or (
        edition.document.translation_key == document.translation_key
    )


class RegionalAdaptationPage(RoutablePageMixin, SitePage):
    document = models.ForeignKey(
        GuidanceDocumentPage,
        on_delete=models.PROTECT,
        related_name="adaptations",
        verbose_name=_("national vejledning"),
    )
    based_on = models.ForeignKey(
        Edition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adaptations",
        verbose_name=_("bygger på udgave"),
        help_text=_(
            "Den nationale udgave, tilpasningen er skrevet til. Vælg den nyeste, når I har "
            "gennemgået ændringerne i den."
        ),
    )
    intro = models.TextField(
        _("introduktion"), blank=True, help_text=_("Hvad der er særligt for regionen.")
    )

    content_panels = [ReviewPanel(heading=_("Ændringer i den nationale vejledning"))] + [
        *SitePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("based_on")], heading=_("Hvad der tilpasses")
        ),
        FieldPanel("intro"),
        SideBySidePanel(heading=_("Den nationale tekst ved siden af den lokale")),
        KeyedInlinePanel(
            "section_adaptations",
            key="section",
            heading=_("Tilpassede afsnit"),
            label=_("Afsnit"),
            help_text=_("Afsnit, der ikke står her, vises som i den nationale vejledning."),
        ),
        KeyedInlinePanel(
            "recommendation_stances",
            key="code",
            heading=_("Holdninger til anbefalinger i erstattede afsnit"),
            label=_("Holdning"),
            help_text=_(
                "Når regionen erstatter et afsnit, skal hver national anbefaling i det have "
                "præcis én holdning: beholdt (vises med den nationale ordlyd), tilpasset (med "
                "regionens formulering) eller ikke vedtaget (med en begrundelse)."
            ),
        ),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["guidelines.RegionPage"]
    subpage_types = []
    base_form_class = AdaptationStanceForm
    # The document-wide rules, for the editor's form (adaptations/forms.py): it asks
    # its instance's class for them rather than import the models that import it.
    document_problems = staticmethod(document_problems)
    edition_fits = staticmethod(edition_fits)
    twin_problem = staticmethod(twin_problem)
    # The stances' rules, for the stances' part of the form (adaptations/stance_form.py).
    coverage_problems = staticmethod(coverage_problems)
    duplicate_problems = staticmethod(duplicate_problems)
    replaced_mode = AdaptationMode.REPLACED

    class Meta:
        verbose_name = _("regional tilpasning")
        verbose_name_plural = _("regionale tilpasninger")

    @cached_property
    def region(self):
        """The region of the region page the adaptation stands under."""
        return Region.objects.get(pages__path=self.path[: -self.steplen])

    @cached_property
    def entries(self):
        """Section slug -> entry, for the sections the region has adapted."""
        return {
            entry.section: entry
            for entry in self.section_adaptations.all()
            if entry.mode != AdaptationMode.NATIONAL
        }

    @cached_property
    def national_document(self):
        """The national document in this adaptation's language: the document's live
        translation into the adaptation's locale, else the document itself."""
        return localize(self.document, locale_by_id(self.locale_id))

    def versions(self):
        """(national section, entry or None) for every live national section."""
        return [
            (section, self.entries.get(section.slug)) for section in self.national_document.sections
        ]

    @cached_property
    def review(self):
        return Review(self)

    def clean(self):
        super().clean()
        # Imports and code paths that save pages directly get the editor's checks.
        errors = []
        entries = list(self.section_adaptations.all())
        for entry in entries:
            errors.extend(f"{entry.section}: {message}" for _f, message in entry_problems(entry))
        # The stances themselves; which ones the national text asks for is checked
        # where they are stated (models/stances.py).
        stances = list(self.recommendation_stances.all())
        for stance in stances:
            errors.extend(f"{stance.code}: {message}" for _f, message in stance_problems(stance))
        errors.extend(message for _p, message in duplicate_problems([s.code for s in stances]))
        if self.document_id:
            errors.extend(document_problems(self.document, [e.section for e in entries]))
            if self.based_on_id and not edition_fits(self.based_on, self.document):
                errors.append(_("Udgaven hører ikke til den valgte vejledning."))
        if self.path and self.document_id:
            twin = twin_problem(self.get_parent(), self.document_id, self.pk)
            if twin:
                errors.append(twin)
        if errors:
            raise ValidationError(errors)

    # --- Reading ----------------------------------------------------------
    #
    # Readers switch without JavaScript, and every state is a link:
    #   ?visning=national  the whole document in national text; kept when
    #                      moving between sections,
    #   ?tekst=national|regional  this one section, overriding the above.

    @staticmethod
    def document_national(request):
        return request.GET.get("visning") == "national"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        national = self.document_national(request)
        context.update(
            adaptation=self,
            document=self.national_document,
            versions=self.versions(),
            national=national,
            # The whole document's view, which every link within it carries.
            view="national" if national else "",
        )
        return context

    def reader_url(self, request, slug="", **query):
        """A link to one of the adaptation's views (the contents, or section `slug`)
        with the reader's switches in `query`; in a preview, to the same view in
        the preview (adaptations/preview.py)."""
        links = getattr(request, "adaptation_preview", None)
        if links is not None:
            return links.url(slug, **query)
        url = self.section_url(slug, request) if slug else self.get_url(request)
        params = {key: value for key, value in query.items() if value}
        return url + ("?" + urlencode(params) if params else "")

    @path("")
    def overview(self, request):
        return self.render(request)

    @re_path(r"^(?P<slug>[-a-z0-9_]+)/$", name="section")
    def section_view(self, request, slug):
        versions = self.versions()
        position = next((i for i, (s, _e) in enumerate(versions) if s.slug == slug), None)
        if position is None:
            raise Http404(_("Vejledningen har intet afsnit med denne adresse."))
        section, entry = versions[position]
        context = self.get_context(request)
        national, view = context["national"], context["view"]
        choice = request.GET.get("tekst")
        show_national = choice == "national" or (choice != "regional" and national)
        # Both versions of this section, as links; the document's view is kept.
        switch_urls = {
            "regional": self.reader_url(
                request, slug, visning=view, tekst="regional" if national else ""
            ),
            "national": self.reader_url(
                request, slug, visning=view, tekst="" if national else "national"
            ),
        }
        context.update(
            section=section,
            entry=entry,
            show_national=entry is None or show_national,
            switch_urls=switch_urls,
            stances=self.stance_rows(section) if entry is not None and entry.is_replaced else [],
            previous_version=versions[position - 1] if position else None,
            next_version=versions[position + 1] if position + 1 < len(versions) else None,
            review_change=next((c for c in self.review.changes if c.slug == section.slug), None),
        )
        return TemplateResponse(request, "guidelines/adaptations/adaptation_section.html", context)

    def stance_rows(self, section):
        """For a section the region replaces: each national recommendation in it, in
        reading order, with the region's stance on it (None while it has none) and
        the upstream change that flags that stance for review (or None)."""
        # A draft may hold a stance not chosen yet (Wagtail defers required fields
        # in drafts): that is no stance.
        stances = {s.code: s for s in self.recommendation_stances.all() if s.stance}
        flagged = self.review.flagged_stances
        return [
            StanceRow(rec, stances.get(rec["code"]), flagged.get(rec["code"]))
            for rec in section.recommendations
        ]

    # --- Preview ----------------------------------------------------------
    #
    # Moderators approve what they can read: a preview shows every section and
    # both switches, its links staying in the preview (adaptations/preview.py).

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        attrs = dict(extra_request_attrs or {})
        if original_request is not None:
            attrs["adaptation_preview"] = PreviewLinks(original_request)
        return super().make_preview_request(original_request, preview_mode, attrs)

    def serve_preview(self, request, mode_name):
        links = getattr(request, "adaptation_preview", None)
        if links is None:
            return self.overview(request)
        # The reader's switches, as the made-up request at the page's address would
        # carry them had the reader followed the link.
        request.GET = links.reader_query
        if links.section:
            return self.section_view(request, links.section)
        return self.overview(request)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if urls:
            base = urls[0]
            urls += [
                {**base, "location": base["location"] + section.slug + "/"}
                for section in self.national_document.sections
            ]
        return urls

    def section_url(self, slug, request=None):
        return self.get_url(request) + self.reverse_subpage("section", args=[slug])


class SectionAdaptation(Orderable):
    page = ParentalKey(
        RegionalAdaptationPage, on_delete=models.CASCADE, related_name="section_adaptations"
    )
    section = models.CharField(
        _("nationalt afsnit"),
        max_length=255,
        help_text=_("Afsnittet i den nationale vejledning, som regionen tilpasser."),
    )
    mode = models.CharField(
        _("tilpasning"),
        max_length=20,
        choices=AdaptationMode.choices,
        default=AdaptationMode.SUPPLEMENTED,
    )
    text = RichTextField(
        _("lokal tekst"),
        blank=True,
        features=LOCAL_TEXT_FEATURES,
        help_text=_("Ved “suppleret” vises teksten efter den nationale; ved “erstattet” i stedet."),
    )
    reason = models.TextField(
        _("begrundelse"), blank=True, help_text=_("Skal udfyldes, når teksten erstattes.")
    )

    panels = [FieldPanel("section"), FieldPanel("mode"), FieldPanel("text"), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        verbose_name = _("tilpasset afsnit")
        verbose_name_plural = _("tilpassede afsnit")

    def __str__(self):
        return f"{self.section} ({self.get_mode_display()})"

    def clean(self):
        super().clean()
        errors = {}
        for field, message in entry_problems(self):
            errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)

    @property
    def is_replaced(self):
        return self.mode == AdaptationMode.REPLACED
