"""Synonym groups as the query parser uses them: analysed like the text.

Editors keep the groups in the admin (models.SynonymGroup). They apply to the
query, on every backend, so a saved group works at the next search: nothing
stored in the index depends on them. Each process keeps the analysed groups
and re-reads them when the table's newest change or row count moves (one
small query per search).
"""

from typing import NamedTuple

from django.db.models import Count, Max

from .analysis import analyzer
from .models import SynonymGroup

_cache = {}


class Member(NamedTuple):
    terms: tuple  # as indexed: "KI-plan" -> ("ki", "plan")
    written: str  # as the editor wrote it, for what autocomplete completes


def synonym_groups(language="da"):
    """Synonym groups as tuples of Members, analysed like the text."""
    an = analyzer(language)
    stamp = SynonymGroup.objects.filter(language=an.language).aggregate(
        Max("updated_at"), Count("id")
    )
    key = (an.language, stamp["updated_at__max"], stamp["id__count"])
    if key not in _cache:
        _cache.clear()
        _cache[key] = analysed_groups(
            an, SynonymGroup.objects.filter(language=an.language).order_by("pk")
        )
    return _cache[key]


def analysed(an, member):
    """A member as the terms it is indexed under ("KI-plan" -> ("ki", "plan"))."""
    return tuple(token.term for token in an.tokens(member))


def analysed_groups(an, groups):
    found = []
    for group in groups:
        members = {}
        for written in group.member_list():
            terms = analysed(an, written)
            if terms:
                members.setdefault(terms, Member(terms, written))
        if len(members) > 1:
            found.append(tuple(members.values()))
    return tuple(found)


def alternatives(terms, language="da"):
    """Other ways to say what `terms` (analysed words) end with: for each synonym
    group with a member that the words end with, the words with that member
    replaced by each other member, as (terms, Member) pairs: "din tovholder" ->
    [(("din", "forløbskoordinator"), Member(("forløbskoordinator",), ...)), ...]."""
    terms = tuple(terms)
    found = []
    for group in synonym_groups(language):
        for member in group:
            if not member.terms or terms[-len(member.terms) :] != member.terms:
                continue
            head = terms[: -len(member.terms)]
            found += [(head + other.terms, other) for other in group if other != member]
    return list(dict.fromkeys(found))
