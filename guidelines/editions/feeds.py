"""Atom feeds of edition releases: one per document (here) and one for the whole
site (views.SiteEditionsFeed, which looks the documents up)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.dates import shown_date

FEED_LENGTH = 50


class EditionsFeed(Feed):
    """Releases of the editions of `documents()`, newest first, each shown under the
    reader's document: an English document without editions of its own lists its
    Danish original's, at its own address, as the document page does."""

    feed_type = Atom1Feed

    def documents(self):
        raise NotImplementedError

    def items(self):
        """The newest editions, each with the reader's document it is shown under."""
        self.shown_under, editions = {}, {}
        for document in self.documents():
            for edition in document.edition_list:
                self.shown_under[edition.pk] = document
                editions[edition.pk] = edition
        newest = sorted(editions.values(), key=lambda edition: edition.released_at, reverse=True)
        return newest[:FEED_LENGTH]

    def item_title(self, edition):
        return f"{self.shown_under[edition.pk].title}: {edition.label}"

    def item_description(self, edition):
        effective = shown_date(edition.effective_date, edition.effective_month_only)
        return f"{_('Gælder fra')} {effective}. {edition.change_summary}"

    def item_link(self, edition):
        document = self.shown_under[edition.pk]
        return document.get_url(self.request) + document.reverse_subpage(
            "edition", args=[edition.slug]
        )

    def item_pubdate(self, edition):
        return edition.released_at

    def item_updateddate(self, edition):
        return edition.released_at


class DocumentEditionsFeed(EditionsFeed):
    """<document>/feed/: the releases of one document."""

    def get_object(self, request, document=None, **kwargs):
        self.request = request
        self.document = document
        return document

    def title(self, document):
        return _("Udgaver af %s") % document.title

    def subtitle(self, document):
        return document.summary

    def link(self, document):
        return document.get_url(self.request)

    def documents(self):
        return [self.document]
