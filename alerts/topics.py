"""What a reader can subscribe to: a national document (its new editions) or a
region (its adaptations and cases). A topic travels as a short value in forms and
links: "dokument-<id of the Danish page>" or "region-<slug>"."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.i18n import active_locale, default_locale, localize
from guidelines.models import GuidanceDocumentPage, Region

from .models import Subscription


@dataclass(frozen=True)
class Topic:
    document: GuidanceDocumentPage | None = None
    region: Region | None = None

    @property
    def value(self):
        if self.document is not None:
            return f"dokument-{self.document.pk}"
        return f"region-{self.region.slug}"

    def label(self, locale=None):
        if self.document is not None:
            document = localize(self.document, locale or active_locale())
            return _("Nye udgaver af %(title)s") % {"title": document.title}
        return _("Nyt fra %(region)s: tilpasninger og cases") % {"region": self.region.name}

    def subscriptions(self):
        if self.document is not None:
            return Subscription.objects.filter(document=self.document)
        return Subscription.objects.filter(region=self.region)


def source_document(document):
    """The Danish (source) page of a document in any language."""
    if document.locale_id == getattr(default_locale(), "pk", None):
        return document
    return (
        GuidanceDocumentPage.objects.filter(
            translation_key=document.translation_key, locale=default_locale()
        ).first()
        or document
    )


def documents():
    """The national documents one can follow: live, public, in Danish."""
    return GuidanceDocumentPage.objects.live().public().filter(locale=default_locale())


def topics():
    return [Topic(document=d) for d in documents()] + [
        Topic(region=r) for r in Region.objects.filter(pages__live=True).distinct()
    ]


def topic_for(value):
    """The Topic a form or link names, or None (unknown, gone or private)."""
    kind, _sep, key = (value or "").partition("-")
    if kind == "dokument" and key.isdigit():
        document = documents().filter(pk=int(key)).first()
        return Topic(document=document) if document else None
    if kind == "region" and key:
        region = Region.objects.filter(slug=key).first()
        return Topic(region=region) if region else None
    return None


def topic_of(subscription):
    return Topic(document=subscription.document, region=subscription.region)
