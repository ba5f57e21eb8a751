"""Atom feeds of edition releases: one per document and one for the whole site."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

FEED_LENGTH = 50


class SiteEditionsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Nye udgaver af den nationale vejledning")
    subtitle = _("Frigivne udgaver af alle vejledningsdokumenter")
    link = "/vejledninger/"

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def editions(self):
        from ..models import Edition

        return Edition.objects.filter(document__live=True).select_related("document")

    def items(self):
        return self.editions().order_by("-released_at")[:FEED_LENGTH]

    def item_title(self, edition):
        return f"{edition.document.title}: {edition.label}"

    def item_description(self, edition):
        effective = edition.effective_date.strftime("%d.%m.%Y")
        return f"{_('Gælder fra')} {effective}. {edition.change_summary}"

    def item_link(self, edition):
        return edition.get_url(self.request)

    def item_pubdate(self, edition):
        return edition.released_at

    def item_updateddate(self, edition):
        return edition.released_at


class DocumentEditionsFeed(SiteEditionsFeed):
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

    def editions(self):
        return super().editions().filter(document=self.document)
