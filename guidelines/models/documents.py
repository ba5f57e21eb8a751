"""Guidance documents and their sections.

A document (the generic model, the dual-diagnosis guidelines, the action-plan
sketch) is a page whose children are its sections. Recommendations are blocks
inside section bodies; their stable codes are unique within a document and
each one has its own URL on the document: <document>/anbefaling/<code>/.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.content.streamdata import error_messages
from core.i18n import default_locale
from core.models import IndexPage, SitePage
from core.restrictions import private_q

from ..blocks import SectionBodyBlock, StrengthChoices, strength_errors
from ..codes import code_from_slug, code_slug, recommendation_anchor
from ..editions import printing
from ..editions.diff import compare
from ..editions.feeds import DocumentEditionsFeed
from ..editions.history import histories
from ..editions.pdf import ensure_pdf
from ..forms import DocumentPageForm, SectionPageForm
from ..hooks import DOCUMENT_PAGE_PARTS, RECOMMENDATION_PAGE_PARTS, parts
from ..laws import legal_register
from ..region_cookie import RegionAwareMixin
from .editions import Edition

SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


class GuidanceIndexPage(RoutablePageMixin, IndexPage):
    """The list of all guidance documents (/vejledninger/), and the register of the
    acts their recommendations rest on (/vejledninger/lovgrundlag/)."""

    subpage_types = ["guidelines.GuidanceDocumentPage"]

    class Meta:
        verbose_name = _("oversigt over vejledninger")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = GuidanceDocumentPage.objects.child_of(self).live().public()
        return context

    @path("", name="index")
    def index(self, request):
        return self.render(request)

    @path("lovgrundlag/", name="legal_register")
    def legal_register(self, request):
        documents = GuidanceDocumentPage.objects.child_of(self).live().exclude(private_q(request))
        return self.render(
            request,
            template="guidelines/legal_register.html",
            context_overrides={
                "acts": legal_register(documents.order_by("path")),
                "breadcrumb_tail": gettext("Lovgrundlag"),
            },
        )

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("legal_register")]


class DocumentType(models.TextChoices):
    MODEL = "model", _("Model")
    GUIDELINE = "guideline", _("Retningslinjer")
    TEMPLATE = "template", _("Skabelon")
    # A paper of recommendations to government (KL's, May 2018): advice to those who
    # decide, not guidance to those who act, so its recommendations carry no skal/bør/kan.
    POLICY = "policy", _("Anbefalinger til regeringen")

    @classmethod
    def uses_strengths(cls, value):
        """Whether a document of this type gives each recommendation a strength."""
        return value != cls.POLICY


class GuidanceDocumentPage(RegionAwareMixin, RoutablePageMixin, SitePage):
    """A national guidance document. Its sections are its child pages."""

    short_title = models.CharField(
        _("kort titel"),
        max_length=80,
        blank=True,
        help_text=_("Bruges i brødkrummer og lister, hvis titlen er lang."),
    )
    document_type = models.CharField(_("dokumenttype"), max_length=20, choices=DocumentType.choices)
    issuers = models.CharField(_("udgivet af"), max_length=255)
    audience = models.CharField(_("skrevet til"), max_length=255, blank=True)
    first_published = models.DateField(_("først udgivet"))
    first_published_month_only = models.BooleanField(
        _("kun måneden er kendt"),
        default=False,
        help_text=_("Vis datoen som måned og år, fx “maj 2018”, når dagen ikke er kendt."),
    )
    last_substantive_change = models.DateField(
        _("seneste væsentlige ændring"),
        null=True,
        blank=True,
        help_text=_("Udfyldes kun ved indholdsmæssige ændringer, ikke ved rettelser."),
    )
    change_note = models.CharField(_("ændringsnote"), max_length=400, blank=True)
    summary = models.TextField(_("resumé"), help_text=_("Vises i lister og søgeresultater."))
    intro = RichTextField(
        _("indledning"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("short_title"),
        MultiFieldPanel(
            [
                FieldPanel("document_type"),
                FieldPanel("issuers"),
                FieldPanel("audience"),
                FieldRowPanel(
                    [FieldPanel("first_published"), FieldPanel("first_published_month_only")]
                ),
                FieldPanel("last_substantive_change"),
                FieldPanel("change_note"),
            ],
            heading=_("Om dokumentet"),
        ),
        FieldPanel("summary"),
        FieldPanel("intro"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.FilterField("document_type"),
    ]
    parent_page_types = ["guidelines.GuidanceIndexPage"]
    subpage_types = ["guidelines.GuidanceSectionPage"]
    base_form_class = DocumentPageForm

    class Meta:
        verbose_name = _("vejledningsdokument")
        verbose_name_plural = _("vejledningsdokumenter")

    @property
    def display_title(self):
        return self.short_title or self.title

    @property
    def uses_strengths(self):
        """Whether its recommendations say skal/bør/kan (and the page shows the legend)."""
        return self.type_uses_strengths(self.document_type)

    @staticmethod
    def type_uses_strengths(document_type):
        return DocumentType.uses_strengths(document_type)

    def get_sections(self):
        return GuidanceSectionPage.objects.child_of(self).live().public()

    def all_sections(self):
        """Every section, drafts and private ones too, in order: what editors choose from."""
        return GuidanceSectionPage.objects.child_of(self).order_by("path")

    @cached_property
    def sections(self):
        """The published sections in order; one query, cached per page object."""
        return list(self.get_sections())

    @cached_property
    def contents(self):
        """The published sections without their bodies: enough for a contents list and
        previous/next, which every section page shows (one light query)."""
        return list(self.get_sections().defer("body", "summary"))

    def recommendations(self):
        """(section, recommendation value) for every recommendation, in reading order."""
        for section in self.sections:
            for recommendation in section.recommendations:
                yield section, recommendation

    @cached_property
    def recommendation_entries_list(self):
        """Code, title and section of every recommendation, in reading order; one query,
        no section body read (models/recommendation_index.py)."""
        return list(self.recommendation_entries.all())

    @cached_property
    def contents_with_recommendations(self):
        """`contents`, each section with its recommendations' codes and titles
        (`toc_recommendations`) from the index: the document's table of contents."""
        by_section = {}
        for entry in self.recommendation_entries_list:
            by_section.setdefault(entry.section_id, []).append(entry)
        for section in self.contents:
            section.toc_recommendations = by_section.get(section.pk, [])
        return self.contents

    def find_recommendation(self, code):
        """(section, recommendation value) for a code, reading only its section."""
        entry = self.recommendation_entries.filter(code=code).select_related("section").first()
        if entry is None:
            return None
        section = entry.section
        for recommendation in section.recommendations:
            if recommendation["code"] == code:
                return section, recommendation
        return None

    def withdrawn_recommendation(self, request, code):
        """A code no longer in the live text, but cited from an edition: say where it went."""
        for edition in reversed(self.edition_list if code else []):
            found = next((r for _s, r in edition.recommendations if r["code"] == code), None)
            if found:
                context = self.edition_context(
                    request,
                    edition=edition,
                    recommendation=found,
                    anchor=recommendation_anchor(code),
                )
                return TemplateResponse(
                    request,
                    "guidelines/editions/withdrawn_recommendation.html",
                    context,
                    status=410,
                )
        raise Http404(_("Dokumentet har ingen anbefaling med denne kode."))

    # --- Editions ---------------------------------------------------------

    @cached_property
    def own_editions(self):
        """The editions released of this page, oldest first; one query, cached."""
        return list(self.editions.all())

    @cached_property
    def edition_list(self):
        """The editions readers see, oldest first: the page's own, or for a translation
        (or an untranslated alias) without editions of its own, its original's, which
        are the frozen Danish text (templates mark it with `lang`). So every edition
        address of a Danish document works under /en/ too."""

        if self.own_editions or not self.borrows_editions:
            return self.own_editions
        return list(self.edition_queryset().select_related("document"))

    @property
    def borrows_editions(self):
        default = default_locale()
        return default is not None and self.locale_id != default.pk

    def edition_queryset(self):
        """The editions of edition_list as a queryset (for reading only some fields).
        A translation with editions of its own reads those; one without, its
        original's."""
        if self.borrows_editions and not self.editions.exists():
            return Edition.objects.filter(
                document__translation_key=self.translation_key,
                document__locale=default_locale(),
            )
        return self.editions.all()

    def edition_in_force(self, today=None):
        today = today or timezone.localdate()
        in_force = [e for e in self.edition_list if e.effective_date <= today]
        return in_force[-1] if in_force else None

    def upcoming_edition(self, today=None):
        today = today or timezone.localdate()
        return next((e for e in self.edition_list if e.effective_date > today), None)

    def edition_by_slug(self, slug):
        edition = next((e for e in self.edition_list if e.slug == slug), None)
        if edition is None:
            raise Http404(_("Dokumentet har ingen udgave “%s”.") % slug)
        return edition

    def previous_edition(self, edition):
        earlier = self.edition_list[: self.edition_list.index(edition)]
        return earlier[-1] if earlier else None

    def edition_context(self, request, **extra):
        context = self.get_context(request)
        context.update(extra)
        return context

    @path("udgaver/", name="editions")
    def editions_view(self, request):
        return TemplateResponse(
            request, "guidelines/editions/edition_list.html", self.edition_context(request)
        )

    @path("udgaver/<slug:edition>/", name="edition")
    def edition_view(self, request, edition):
        edition = self.edition_by_slug(edition)
        return TemplateResponse(
            request,
            "guidelines/editions/edition_page.html",
            self.edition_context(request, edition=edition),
        )

    @path("udgaver/<slug:edition>/aendringer/", name="edition_changes")
    def edition_changes_view(self, request, edition):
        edition = self.edition_by_slug(edition)
        previous = self.previous_edition(edition)
        if previous is None:
            raise Http404(_("Første udgave har ingen tidligere udgave at sammenligne med."))
        return self.compare_editions(request, previous, edition)

    @path("udgaver/<slug:edition>/pdf/", name="edition_pdf")
    def edition_pdf_view(self, request, edition):
        edition = ensure_pdf(self.edition_by_slug(edition))
        response = FileResponse(edition.pdf.open("rb"), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug}-{edition.slug}.pdf"'
        return response

    @path("udskriv/", name="print")
    def print_view(self, request):
        return printing.print_view(self, request)

    @path("sammenlign/", name="compare_form")
    def compare_form_view(self, request):
        old, new = request.GET.get("fra", ""), request.GET.get("til", "")
        if not (old and new):
            return redirect(self.get_url(request) + self.reverse_subpage("editions"))
        if not (SLUG.match(old) and SLUG.match(new)):
            raise Http404(_("Ukendt udgave."))
        return redirect(self.get_url(request) + self.reverse_subpage("compare", args=[old, new]))

    @path("sammenlign/<slug:old>/<slug:new>/", name="compare")
    def compare_view(self, request, old, new):
        return self.compare_editions(request, self.edition_by_slug(old), self.edition_by_slug(new))

    def compare_editions(self, request, old, new):
        if old.effective_date > new.effective_date:
            old, new = new, old
        context = self.edition_context(
            request,
            old=old,
            new=new,
            comparison=compare(old.snapshot, new.snapshot),
            only_changed=request.GET.get("vis") == "aendrede",
        )
        return TemplateResponse(request, "guidelines/editions/compare.html", context)

    @path("feed/", name="feed")
    def feed_view(self, request):
        return DocumentEditionsFeed()(request, document=self)

    def get_cached_paths(self):
        """The addresses a proxy in front must purge with this page (core/page_cache/)."""
        paths = ["/", "anbefalinger/", "udgaver/", "feed/", "udskriv/"]
        paths += [
            self.reverse_subpage("recommendation", args=[code_slug(rec["code"])])
            for _section, rec in self.recommendations()
        ]
        for edition in self.edition_list:
            paths += [
                self.reverse_subpage(name, args=[edition.slug])
                for name in ("edition", "edition_changes", "edition_pdf")
            ]
        return paths

    def recommendation_url(self, code, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "recommendation", args=[code_slug(code)]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["document"] = self
        context["sections"] = self.contents
        context["parts"] = parts(DOCUMENT_PAGE_PARTS, self, request)
        context["strengths"] = StrengthChoices.CHOICES
        return context

    @path("anbefalinger/", name="recommendations")
    def recommendation_list(self, request):
        return self.render(
            request,
            template="guidelines/recommendation_list.html",
            context_overrides={
                "recommendations": list(self.recommendations()),
                "recommendation_histories": histories(self),
            },
        )

    @path("anbefaling/<slug:code>/", name="recommendation")
    def recommendation(self, request, code):
        code = code_from_slug(code)
        found = code and self.find_recommendation(code)
        if not found:
            return self.withdrawn_recommendation(request, code)
        section, recommendation = found
        context = self.get_context(request)
        recommendation_histories = histories(self)
        context.update(
            recommendation_histories=recommendation_histories,
            history=recommendation_histories.get(code),
            section=section,
            recommendation=recommendation,
            anchor=recommendation_anchor(code),
            # What other apps show about the recommendation (the casebook: its cases).
            parts=parts(RECOMMENDATION_PAGE_PARTS, self, code, request),
            permalink=request.build_absolute_uri(self.recommendation_url(code, request)),
        )
        return TemplateResponse(request, "guidelines/recommendation_page.html", context)


def prefetch_sections(documents):
    """Give each document its published sections (`sections`) in one query for all."""
    documents = list(documents)
    if not documents:
        return documents
    below = models.Q()
    for document in documents:
        below |= models.Q(path__startswith=document.path, depth=document.depth + 1)
    found = {document.path: [] for document in documents}
    for section in GuidanceSectionPage.objects.live().public().filter(below).order_by("path"):
        found[section.path[: -section.steplen]].append(section)
    for document in documents:
        document.__dict__["sections"] = found[document.path]
    return documents


def prefetch_editions(documents):
    """Give each document its editions (`own_editions`, `edition_list`) in two queries
    for all, as `edition_list` finds them one document at a time."""
    documents = list(documents)
    own = {document.pk: [] for document in documents}
    for edition in Edition.objects.filter(document__in=documents):
        own[edition.document_id].append(edition)
    default = default_locale()
    borrowing = {}
    for document in documents:
        document.__dict__["own_editions"] = own[document.pk]
        if own[document.pk] or default is None or document.locale_id == default.pk:
            document.__dict__["edition_list"] = own[document.pk]
        else:
            borrowing.setdefault(document.translation_key, []).append(document)
    originals = {key: [] for key in borrowing}
    if borrowing:
        for edition in Edition.objects.filter(
            document__translation_key__in=borrowing, document__locale=default
        ).select_related("document"):
            originals[edition.document.translation_key].append(edition)
    for key, readers in borrowing.items():
        for document in readers:
            document.__dict__["edition_list"] = originals[key]
    return documents


class GuidanceSectionPage(RegionAwareMixin, SitePage):
    """A chapter of a guidance document with a structured body."""

    number = models.CharField(
        _("nummer"), max_length=10, blank=True, help_text=_("Afsnittets nummer, fx 3.")
    )
    summary = models.TextField(_("resumé"), blank=True)
    body = StreamField(SectionBodyBlock(), verbose_name=_("indhold"), blank=True)

    content_panels = SitePage.content_panels + [
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["guidelines.GuidanceDocumentPage"]
    subpage_types = []
    base_form_class = SectionPageForm

    class Meta:
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")

    @property
    def numbered_title(self):
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def recommendations(self):
        return [block.value for block in self.body if block.block_type == "recommendation"]

    @cached_property
    def document(self):
        return GuidanceDocumentPage.objects.get(path=self.path[: -self.steplen])

    def clean(self):
        super().clean()
        # The editor's form validates blocks; imports and code paths that save
        # pages directly get the same validation here.
        try:
            self.body.stream_block.clean(self.body)
        except ValidationError as error:
            path, message = error_messages(error, "body")[0]
            raise ValidationError({"body": f"{path}: {message}"}) from error
        if self.path:
            clash = self.code_clash(
                self.recommendations, GuidanceSectionPage.objects.sibling_of(self, inclusive=False)
            )
            if clash:
                raise ValidationError({"body": clash})
            # Skal/bør/kan in guidelines, none in recommendations to government.
            errors = strength_errors(self.body, self.document.uses_strengths)
            if errors:
                path, message = error_messages(errors, "body")[0]
                raise ValidationError({"body": f"{path}: {message}"})

    @staticmethod
    def code_clash(recommendations, other_sections):
        """A message when a code is already used by another section of the document."""
        codes = {recommendation["code"] for recommendation in recommendations}
        if not codes:
            return None
        for other in other_sections:
            clash = codes.intersection(r["code"] for r in other.recommendations)
            if clash:
                return _("Koden %(codes)s bruges allerede i afsnittet “%(section)s”.") % {
                    "codes": ", ".join(sorted(clash)),
                    "section": other.title,
                }
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        document = self.document
        sections = document.contents
        position = next((i for i, s in enumerate(sections) if s.pk == self.pk), None)
        context.update(
            document=document,
            sections=sections,
            recommendation_histories=histories(document),
            previous_section=sections[position - 1] if position else None,
            next_section=(
                sections[position + 1]
                if position is not None and position + 1 < len(sections)
                else None
            ),
        )
        return context
