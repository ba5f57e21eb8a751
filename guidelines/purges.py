"""What shows guidance pages, beyond their own tree, parent and the home page
(core/page_cache/purges.py): purged when they change."""

from wagtail.models import Site

from core.page_cache.purges import (
    exact,
    in_every_language,
    object_shown_on,
    paths_shown_on,
    shown_on,
    tree,
)

from .models import (
    Edition,
    GuidanceDocumentPage,
    GuidanceSectionPage,
    RegionalAdaptationPage,
    RegionIndexPage,
)


def _adaptations(document):
    """Adaptations show the national text and headings; their region pages list them."""
    for adaptation in RegionalAdaptationPage.objects.filter(
        document__translation_key=document.translation_key
    ):
        yield tree(adaptation)
        parent = adaptation.get_parent()
        if parent is not None:
            yield exact(parent)


@shown_on(GuidanceSectionPage)
def section_shown_on(section):
    # The document's contents, every section's contents list and previous/next,
    # the recommendation pages and list: all under the document's tree.
    document = section.document
    yield tree(document)
    yield from _adaptations(document)


@shown_on(GuidanceDocumentPage)
def document_shown_on(document):
    yield from _adaptations(document)


@shown_on(RegionalAdaptationPage)
def adaptation_shown_on(adaptation):
    # The document and its sections offer the reader's region's version (per region cookie).
    if adaptation.document_id:
        yield tree(adaptation.document)
    for index in RegionIndexPage.objects.all():  # counts per region
        yield exact(index)


@object_shown_on(Edition)
def edition_shown_on(edition):
    yield tree(edition.document)
    yield exact(edition.document.get_parent())
    for site in Site.objects.all():  # the home page's latest changes
        yield exact(site.root_page)


@paths_shown_on
def editions_feed(changed):
    """The site's editions feed names documents and their editions."""
    if not isinstance(changed, GuidanceDocumentPage | Edition):
        return []
    return in_every_language("guidelines:editions_feed")


@paths_shown_on
def changes(changed):
    """/aendringer/ and its feed list editions and regional publications."""
    if not isinstance(changed, GuidanceDocumentPage | Edition | RegionalAdaptationPage):
        return []
    return in_every_language("guidelines:changes", "guidelines:changes_feed")
