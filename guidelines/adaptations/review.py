"""Does a regional adaptation need review after a newer national edition?

Only what the region wrote itself can go stale: a section it supplements or
replaces whose national heading or text changed (or which was removed)
between the edition the adaptation is based on and the newest edition, and
the region's stance on a recommendation (models/stances.py) whose heading,
strength or text changed (or which was removed) in between: exactly the
stances on the changed codes. Sections shown as national follow the national
text by themselves.

Editions belong to one document in one language, so the review compares the
editions of the document the adaptation's `based_on` edition belongs to (see
models/adaptations.py): an English adaptation based on a Danish edition is
reviewed against the newer Danish editions.
"""

from functools import cached_property

from ..editions.diff import compare


def changed_sections(old, new):
    """Slugs of sections in snapshot `old` whose heading or text differ in `new`, or are gone."""
    after = {section["slug"]: section for section in new["sections"]}
    changed = set()
    for section in old["sections"]:
        now = after.get(section["slug"])
        if now is None or (now["title"], now["text"]) != (section["title"], section["text"]):
            changed.add(section["slug"])
    return changed


def changed_recommendations(old, new):
    """Codes of recommendations in snapshot `old` whose heading, strength or text
    differ in `new`, or are gone (as the editions comparison counts a change)."""

    def by_code(snapshot):
        return {
            recommendation["code"]: (
                recommendation["title"],
                recommendation["strength"],
                recommendation["text"],
            )
            for section in snapshot["sections"]
            for recommendation in section["recommendations"]
        }

    before, after = by_code(old), by_code(new)
    return {code for code, value in before.items() if after.get(code) != value}


class Review:
    """The upstream changes an adaptation's editors should look at."""

    def __init__(self, adaptation):
        self.adaptation = adaptation
        self.based_on = adaptation.based_on
        self.document = self._document()
        editions = self.document.edition_list
        self.latest = editions[-1] if editions else None

    def _document(self):
        """The document whose editions count: the one `based_on` belongs to."""
        document = self.adaptation.document
        if self.based_on is None or self.based_on.document_id == document.pk:
            return document
        return type(document).objects.get(pk=self.based_on.document_id)

    @property
    def newer_edition(self):
        """The newest edition when it is newer than the one the adaptation follows."""
        if self.based_on is None or self.latest is None:
            return None
        editions = self.document.edition_list
        ids = [edition.pk for edition in editions]
        if self.based_on.pk not in ids or ids.index(self.based_on.pk) < len(ids) - 1:
            return self.latest
        return None

    @cached_property
    def sections(self):
        """Slugs of adapted sections that changed upstream, in the adaptation's order."""
        newer = self.newer_edition
        if newer is None:
            return []
        changed = changed_sections(self.based_on.snapshot, newer.snapshot)
        return [slug for slug in self.adaptation.entries if slug in changed]

    @cached_property
    def stances(self):
        """Codes of the region's stances on recommendations that changed upstream,
        in the adaptation's order."""
        newer = self.newer_edition
        if newer is None:
            return []
        changed = changed_recommendations(self.based_on.snapshot, newer.snapshot)
        return [
            stance.code
            for stance in self.adaptation.recommendation_stances.all()
            if stance.code in changed
        ]

    @property
    def needed(self):
        return bool(self.sections or self.stances)

    @cached_property
    def comparison(self):
        return compare(self.based_on.snapshot, self.newer_edition.snapshot)

    @cached_property
    def changes(self):
        """The editions comparison, narrowed to the sections that need review."""
        if not self.sections:
            return []
        wanted = set(self.sections)
        return [change for change in self.comparison.sections if change.slug in wanted]

    @cached_property
    def flagged_stances(self):
        """Code -> the recommendation's change (editions comparison), for each
        stance that needs review."""
        if not self.stances:
            return {}
        wanted = set(self.stances)
        return {
            change.code: change
            for change in self.comparison.recommendations
            if change.code in wanted
        }

    @cached_property
    def link_document(self):
        """The page readers follow the editions on: the national text's page (the
        English one under /en/) when it shows these editions, else their document's."""
        shown = self.adaptation.national_document
        if self.based_on is not None and self.based_on.pk in {e.pk for e in shown.edition_list}:
            return shown
        return self.document

    def compare_url(self, request=None):
        if not self.needed:
            return ""
        document = self.link_document
        return document.get_url(request) + document.reverse_subpage(
            "compare", args=[self.based_on.slug, self.newer_edition.slug]
        )
