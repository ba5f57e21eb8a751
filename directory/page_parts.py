"""What the directory adds to the guidance's pages (guidelines/hooks.py): a link to
the region's directory on its page, and to the offers behind each actor of a
responsibility matrix. Registered in wagtail_hooks.py."""

from django.db.models import F

from core.restrictions import private_q
from guidelines.hooks import PagePart

from .kinds import kind_for_actor
from .lookup import regional_directory
from .models import RegionalDirectoryPage
from .models.pages import AKTOER


class RegionDirectory(PagePart):
    """A link from a region's page to the region's “Hvem gør hvad”, when it has one."""

    template_name = "directory/parts/region_directory.html"

    def __init__(self, region_page, request):
        self.region_page, self.request = region_page, request

    def get_context_data(self, parent_context=None):
        page = self.region_page
        directory = (
            RegionalDirectoryPage.objects.child_of(page)
            .live()
            .exclude(private_q(self.request))
            # For foreign_lang: an untranslated alias is marked lang="da" with no query.
            .annotate(source_locale_id=F("alias_of__locale_id"))
            .first()
        )
        return {"request": self.request, "directory": directory, "region": page.region}


def region_directory_part(region_page, request):
    return RegionDirectory(region_page, request)


def matrix_actor_links(actors, region, request):
    """{actor: the region's directory narrowed to the actor's kind} for the actors
    that are offers (not "Borgeren"); {} when the region has no directory page."""
    kinds = {actor: kind_for_actor(actor) for actor in actors}
    if not any(kinds.values()):
        return {}
    directory = regional_directory(region, request)
    url = directory.get_url(request) if directory is not None else None
    if not url:
        return {}
    return {actor: f"{url}?{AKTOER}={kind}" for actor, kind in kinds.items() if kind}
