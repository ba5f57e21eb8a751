"""What changed in the guidance, newest first: editions released and regional
adaptations published. The home page shows the first few ("Seneste ændringer"),
/aendringer/ and its Atom feed the rest.

A re-published national section is not a change a reader can cite: its changes
reach readers as an edition. A region's publication is: the adaptation is the
region's own text, in force when published."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageLogEntry

from core.i18n import active_locale, content_language, default_locale, language_of

from .models import Edition, GuidanceDocumentPage, RegionalAdaptationPage

LENGTH = 50


@dataclass
class ChangeEntry:
    kind: str  # "edition" or "adaptation"
    when: datetime
    title: str  # the document's or the adaptation's
    label: str  # the edition's label or the region's name
    url: str
    summary: str = ""
    effective_date: object = None  # an edition's
    language: str = ""  # of label and summary (an edition borrowed from Danish)

    @property
    def kind_label(self):
        return _("Ny udgave") if self.kind == "edition" else _("Regional tilpasning")


def edition_entries(request, locale):
    """The releases of the documents in `locale`; a translation without editions of
    its own shows its original's (as its pages do)."""
    documents = {
        document.translation_key: document
        for document in GuidanceDocumentPage.objects.live().public().filter(locale=locale)
    }
    editions = (
        Edition.objects.filter(document__translation_key__in=documents)
        .defer("snapshot")
        .select_related("document")
    )
    own, borrowed = {}, {}
    default = default_locale()
    for edition in editions:
        key = edition.document.translation_key
        if edition.document.locale_id == locale.pk:
            own.setdefault(key, []).append(edition)
        elif default is not None and edition.document.locale_id == default.pk:
            borrowed.setdefault(key, []).append(edition)
    for key, document in documents.items():
        base = document.get_url(request)
        for edition in own.get(key) or borrowed.get(key, []):
            yield ChangeEntry(
                "edition",
                edition.released_at,
                document.title,
                edition.label,
                base + document.reverse_subpage("edition", args=[edition.slug]),
                edition.change_summary,
                edition.effective_date,
                language_of(edition.document.locale_id),
            )


def adaptation_entries(request, locale, limit):
    """Each publication of a live, public regional adaptation in `locale` (one a
    day per adaptation: a morning's corrections are one publication)."""
    adaptations = {
        page.pk: page
        for page in RegionalAdaptationPage.objects.live().public().filter(locale=locale)
    }
    if not adaptations:
        return
    # The region pages they stand under, in one query (not one get_parent() each).
    parents = dict(
        Page.objects.filter(
            path__in={page.path[: -Page.steplen] for page in adaptations.values()}
        ).values_list("path", "title")
    )
    regions = {pk: parents.get(page.path[: -Page.steplen], "") for pk, page in adaptations.items()}
    published = PageLogEntry.objects.filter(
        action="wagtail.publish", page_id__in=adaptations
    ).order_by("-timestamp")
    seen = set()
    for page_id, when in published.values_list("page_id", "timestamp")[: limit * 4]:
        if (page_id, when.date()) in seen:
            continue
        seen.add((page_id, when.date()))
        page = adaptations[page_id]
        yield ChangeEntry(
            "adaptation",
            when,
            page.title,
            regions.get(page_id, ""),
            page.get_url(request),
            page.intro,
            language=content_language(page),
        )


def latest_changes(request, limit=LENGTH):
    """[ChangeEntry] in the reader's language, newest first."""
    locale = active_locale()
    if locale is None:
        return []
    entries = [*edition_entries(request, locale), *adaptation_entries(request, locale, limit)]
    return sorted(entries, key=lambda entry: entry.when, reverse=True)[:limit]
