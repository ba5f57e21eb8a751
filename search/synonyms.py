"""Synonym groups as the query parser uses them: analysed like the text.

Editors keep the groups in the admin (models.SynonymGroup). They apply to the
query, on every backend, so a saved group works at the next search: nothing
stored in the index depends on them. Each process keeps the analysed groups
and re-reads them when the table's newest change or row count moves (one
small query per search).
"""

from django.db.models import Count, Max

from .analysis import analyzer
from .models import SynonymGroup

_cache = {}


def synonym_groups(language="da"):
    """Synonym groups as tuples of term sequences, analysed like the text."""
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
        members = []
        for member in group.member_list():
            terms = analysed(an, member)
            if terms and terms not in members:
                members.append(terms)
        if len(members) > 1:
            found.append(tuple(members))
    return tuple(found)
