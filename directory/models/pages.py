"""The directory's pages: the national "Hvem gør hvad" with a view per municipality,
and each region's directory page, under which the region's offers live."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from core.i18n import default_locale, locale_by_id
from core.models import IndexPage, SitePage
from core.restrictions import private_q
from core.templatetags.language_tags import danish
from core.text import danish_slug
from guidelines.blocks import ResponsibilityMatrixBlock
from guidelines.models import Municipality, Region

from ..kinds import ActorKind
from .listing import grouped, offers_serving, readable
from .offers import OfferPage
from .places import region_above

KOMMUNE = "kommune"  # the municipality picker's parameter
AKTOER = "aktoer"  # a regional directory narrowed to one actor


def municipalities():
    """Every municipality with its region, by region and name; one query."""
    return list(Municipality.objects.select_related("region").order_by("region__code", "name"))


def municipality_choices(all_municipalities):
    """[(region name, [(slug, name), ...]), ...] for the picker's <optgroup>s."""
    groups = {}
    for municipality in all_municipalities:
        groups.setdefault(municipality.region.name, []).append(
            (danish_slug(municipality.name), municipality.name)
        )
    return list(groups.items())


class DirectoryIndexPage(RoutablePageMixin, IndexPage):
    """“Hvem gør hvad” (/hvem-goer-hvad/): a reader picks a municipality and gets the
    offers there, grouped by the actors of the responsibility matrix. The offers
    themselves live under each region's directory page, where the region's editors
    keep them."""

    subpage_types = []

    class Meta:
        verbose_name = _("hvem gør hvad")

    def get_cached_paths(self):
        names = Municipality.objects.values_list("name", flat=True)
        return ["/"] + [self.reverse_subpage("municipality", args=[danish_slug(n)]) for n in names]

    def get_sitemap_urls(self, request=None):
        # Each municipality's view, which search engines reach by no link of the form.
        urls = super().get_sitemap_urls(request)
        if urls:
            base = urls[0]
            names = Municipality.objects.order_by("name").values_list("name", flat=True)
            urls += [{**base, "location": base["location"] + danish_slug(n) + "/"} for n in names]
        return urls

    def municipality_url(self, municipality, request=None):
        url = self.get_url(request)
        if not url:
            return None
        return url + self.reverse_subpage("municipality", args=[danish_slug(municipality.name)])

    def regional_directories(self, request):
        """The regions' live, public directory pages in this page's language."""
        return list(
            RegionalDirectoryPage.objects.live()
            .filter(locale_id=self.locale_id)
            .exclude(private_q(request))
            .select_related("region")
            # For content_lang: an untranslated alias is marked lang="da" with no query.
            .annotate(source_locale_id=F("alias_of__locale_id"))
            .order_by("region__code")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        everyone = municipalities()
        context.update(
            municipality_choices=municipality_choices(everyone),
            regional_directories=self.regional_directories(request),
        )
        return context

    @path("", name="index")
    def index_view(self, request):
        if KOMMUNE not in request.GET:
            return self.render(request)
        slug = request.GET.get(KOMMUNE, "").strip()
        municipality = next((m for m in municipalities() if danish_slug(m.name) == slug), None)
        if municipality is not None:
            return HttpResponseRedirect(self.municipality_url(municipality, request))
        response = self.render(
            request,
            context_overrides={
                "picker_error": gettext("Vælg en af kommunerne på listen.")
                if slug
                else gettext("Vælg en kommune."),
            },
        )
        response.status_code = 400
        return response

    @path("<slug:municipality>/", name="municipality")
    def municipality_view(self, request, municipality):
        everyone = municipalities()
        chosen = next((m for m in everyone if danish_slug(m.name) == municipality), None)
        if chosen is None:
            raise Http404(gettext("Der er ingen kommune med denne adresse."))
        # The region's directory page in this page's language, else the Danish one.
        directories = (
            RegionalDirectoryPage.objects.live()
            .filter(region_id=chosen.region_id, locale_id__in={self.locale_id, default_locale().pk})
            .exclude(private_q(request))
        )
        directory = min(directories, key=lambda p: p.locale_id != self.locale_id, default=None)
        context = self.get_context(request)
        context.update(
            municipality=chosen,
            chosen_slug=municipality,
            groups=grouped(offers_serving(chosen, request, locale=locale_by_id(self.locale_id))),
            regional_directory=directory,
            breadcrumb_tail=danish(chosen.name),  # marked lang="da" on English pages
        )
        return TemplateResponse(request, "directory/municipality.html", context)


class RegionalDirectoryPage(SitePage):
    """A region's “Hvem gør hvad” (/regioner/<region>/hvem-goer-hvad/): who takes the
    lead in the region, the region's own division of work where it has one, and its
    offers, which live below this page."""

    intro = models.TextField(_("introduktion"), blank=True)
    coordinator = models.CharField(
        _("tovholder som udgangspunkt i regionen"),
        max_length=255,
        blank=True,
        help_text=_(
            "Hvem der som udgangspunkt er tovholder, fx “Kommunens socialpsykiatri (bostøtten)”."
        ),
    )
    division_of_work = StreamField(
        [("responsibility_matrix", ResponsibilityMatrixBlock())],
        verbose_name=_("regionens ansvarsfordeling"),
        blank=True,
        max_num=1,
        help_text=_(
            "Kun hvis regionen har aftalt en anden ansvarsfordeling end den nationale. "
            "Indsatsplanens skema bruger den i stedet for den nationale."
        ),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("region"),
    )

    content_panels = SitePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("coordinator"),
        FieldPanel("division_of_work"),
    ]
    search_fields = SitePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["guidelines.RegionPage"]
    subpage_types = ["directory.OfferPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hvem gør hvad i regionen")

    def _place_region(self):
        if self.path:
            region = region_above(self)
            if region is not None:
                self.region = region

    def clean(self):
        super().clean()
        self._place_region()
        if not self.region_id:
            raise ValidationError(_("Siden hører til under en regions side."))

    def save(self, *args, **kwargs):
        self._place_region()
        return super().save(*args, **kwargs)

    @cached_property
    def national_index(self):
        """The national “Hvem gør hvad” in this page's language, else the Danish one."""
        pages = DirectoryIndexPage.objects.live().filter(
            locale_id__in={self.locale_id, default_locale().pk}
        )
        return min(pages, key=lambda page: page.locale_id != self.locale_id, default=None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get(AKTOER, "")
        notice = ""
        if kind and kind not in ActorKind.values:
            notice = gettext("Der findes ingen aktør “%(value)s”; alle tilbud vises.") % {
                "value": kind[:40]
            }
            kind = ""
        offers = readable(OfferPage.objects.child_of(self), request).prefetch_related(
            "municipalities"
        )
        index = self.national_index
        region_municipalities = [
            (m, index.municipality_url(m, request) if index else None)
            for m in Municipality.objects.filter(region_id=self.region_id).order_by("name")
        ]
        context.update(
            region=self.region,
            municipalities=region_municipalities,
            groups=grouped(offers, kinds={kind} if kind else None),
            chosen_kind=ActorKind(kind) if kind else None,
            kind_notice=notice,
        )
        return context
