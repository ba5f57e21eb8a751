"""Each recommendation's history across a document's editions in force: the
edition it came in, the editions that changed it and how. Derived from the
frozen snapshots (diff.recommendation_changes), never typed by hand.

Released editions never change (Edition.save), so a document's histories are
kept in memory per set of editions: a new release, or a withdrawn one, is a
new key. Reading a page costs one light query for the key; the snapshots are
read only for a key not seen before."""

from dataclasses import dataclass

from django.utils import timezone

from .diff import recommendation_changes

EMPTY_SNAPSHOT = {"sections": []}


@dataclass(frozen=True)
class EditionRef:
    """What a reader needs to name an edition, without its snapshot."""

    pk: int
    label: str
    slug: str
    effective_date: object
    effective_month_only: bool
    language: str  # of the frozen text: its document's


@dataclass(frozen=True)
class Change:
    edition: EditionRef
    status: str  # added or changed
    title: str
    diff: str = ""


@dataclass
class History:
    changes: list  # [Change], oldest first

    @property
    def latest(self):
        return self.changes[-1]

    @property
    def last_changed(self):
        """When the recommendation last came into force as it reads now."""
        return self.latest.edition.effective_date


@dataclass
class Histories:
    """{code: History} of a document, and the edition in force they lead up to."""

    by_code: dict
    in_force: EditionRef | None
    first: EditionRef | None  # everything is new in it, so nothing is marked
    sections: frozenset = frozenset()  # the slugs of the sections in the edition in force

    def get(self, code):
        return self.by_code.get(code)

    def badge(self, code):
        """The Change to mark a recommendation with ("Ny i …", "Ændret i …"): its
        latest, if that came with the edition in force; None otherwise, and in a
        document's first edition, where every recommendation is new."""
        history = self.by_code.get(code)
        if history is None or self.in_force is None or self.in_force == self.first:
            return None
        return history.latest if history.latest.edition == self.in_force else None


NO_HISTORY = Histories({}, None, None)


# {(EditionRef, ...): Histories}; a handful of documents, so a small bound.
_computed = {}
_BOUND = 64


def histories(document, today=None):
    """The Histories of `document`'s recommendations over its editions in force."""
    today = today or timezone.localdate()
    in_force = (
        document.edition_queryset()
        .filter(effective_date__lte=today)
        .order_by("effective_date", "released_at")
    )
    refs = tuple(
        EditionRef(*row)
        for row in in_force.values_list(
            "pk",
            "label",
            "slug",
            "effective_date",
            "effective_month_only",
            "document__locale__language_code",
        )
    )
    if not refs:
        return NO_HISTORY
    found = _computed.get(refs)
    if found is None:
        found = build_histories(refs, dict(in_force.values_list("pk", "snapshot")))
        if len(_computed) >= _BOUND:
            _computed.clear()
        _computed[refs] = found
    return found


def build_histories(refs, snapshots):
    """Histories from editions (oldest first) and their snapshots by pk."""
    by_code = {}
    previous = EMPTY_SNAPSHOT
    for ref in refs:
        snapshot = snapshots.get(ref.pk)
        if snapshot is None:  # withdrawn while we read
            continue
        for change in recommendation_changes(previous, snapshot):
            if change.status == "removed":
                by_code.pop(change.code, None)  # a code used again later starts afresh
                continue
            by_code.setdefault(change.code, History([])).changes.append(
                Change(ref, change.status, change.title, change.diff)
            )
        previous = snapshot
    slugs = frozenset(section["slug"] for section in previous["sections"])
    return Histories(by_code, refs[-1], refs[0], slugs)
