"""The method catalogue (/metoder/): what a method is, for whom, what is known of its
effect, and the cases that use it."""

from django.apps import apps
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import IndexPage, SitePage

from .cases import cases_linking

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class MethodIndexPage(IndexPage):
    """The method catalogue, directly under the home page."""

    subpage_types = ["casebook.MethodPage"]

    class Meta:
        verbose_name = _("metodekatalog")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        methods = MethodPage.objects.child_of(self).live().public().order_by("title")
        context["methods"] = methods.annotate(source_locale_id=F("alias_of__locale_id"))
        return context


class MethodPage(SitePage):
    """A method or way of working cases put to use (IPS, peer support, Open Dialogue …)."""

    summary = models.TextField(_("hvad er metoden"), help_text=_("Kort; vises i lister."))
    for_whom = RichTextField(_("for hvem"), features=TEXT_FEATURES)
    how = RichTextField(_("sådan foregår det"), blank=True, features=TEXT_FEATURES)
    evidence = RichTextField(
        _("viden om effekt"),
        features=TEXT_FEATURES,
        help_text=_("Hvad vides om virkningen, og hvor det står. Skriv usikkerhed som usikkerhed."),
    )
    sources = RichTextField(_("kilder"), blank=True, features=["ul", "link", "italic"])

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("for_whom"),
        FieldPanel("how"),
        FieldPanel("evidence"),
        FieldPanel("sources"),
    ]
    search_fields = SitePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("for_whom"),
        index.SearchField("how"),
        index.SearchField("evidence"),
    ]
    parent_page_types = ["casebook.MethodIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("metode")
        verbose_name_plural = _("metoder")

    def cases(self):
        """The live cases that use it, in this page's language."""
        return cases_linking(self, "methods")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # By name: the casebook's page model (pages.py) builds on this module.
        casebooks = apps.get_model("casebook", "CasebookIndexPage").objects.live()
        context["casebook"] = casebooks.filter(locale_id=self.locale_id).first()
        return context
