"""What casebook pages put in the site search (see search.units)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.facets import NATIONAL
from search.units import (
    Tier,
    listing_units,
    page_unit,
    plain,
    register,
    register_facet,
    register_kind,
    register_name_facet,
    register_value_label,
    register_value_labeller,
)

from .models import (
    CasebookIndexPage,
    CasePage,
    CollaborationPage,
    FundingIndexPage,
    FundingPage,
    MeetingIndexPage,
    MeetingPage,
    MethodIndexPage,
    MethodPage,
    TargetGroup,
    Theme,
)

# Practice: below the live guidance that matches as well, above editions.
register_kind("case", _("Case"), order=60, tier=Tier.OTHER)
register_kind("moede", _("Informationsmøde"), order=70, tier=Tier.OTHER)
register_kind("metode", _("Metode"), order=62, tier=Tier.OTHER)
register_kind("samarbejde", _("Samarbejde"), order=64, tier=Tier.OTHER)
register_kind("pulje", _("Pulje"), order=66, tier=Tier.OTHER)
register_facet("region", _("Region"), order=20)
register_facet("maalgruppe", _("Målgruppe"), order=30)
register_facet("tema", _("Tema"), order=40)
# What belongs to no region, in the region facet.
NATIONAL_LABEL = _("Hele landet")
register_value_label("region", NATIONAL, NATIONAL_LABEL)
register_name_facet("region")
register_value_labeller("maalgruppe", lambda slugs: vocabulary_labels(TargetGroup, slugs))
register_value_labeller("tema", lambda slugs: vocabulary_labels(Theme, slugs))


def vocabulary_labels(model, slugs):
    """{slug: name in the active language} of target groups or themes."""
    return {item.slug: item.label for item in model.objects.filter(slug__in=slugs)}


def region_fields(region):
    """Where a case or meeting belongs: shown as its trail, filtered as its region."""
    value, label = (region.slug, region.name) if region else (NATIONAL, str(NATIONAL_LABEL))
    return {"trail": (label,), "facets": {"region": [(value, label)]}}


def joined(*texts):
    return " · ".join(text for text in texts if text)


def described(page, region, groups, themes, *more):
    """What a reader sees of a case or meeting as labels (region, target groups,
    themes, status), as words: a case tagged "dobbeltdiagnose" is found by that
    word, not only through the filter. In the page's own language."""
    with translation.override(page.locale.language_code):
        return joined(
            region.name if region else str(NATIONAL_LABEL),
            ", ".join(group.label for group in groups),
            ", ".join(theme.label for theme in themes),
            *(str(text) for text in more),
        )


@register(CasePage)
def case_units(page):
    fields = region_fields(page.region)
    groups, themes = list(page.target_groups.all()), list(page.themes.all())
    with translation.override(page.locale.language_code):  # the labels in its language
        fields["facets"].update(
            maalgruppe=[(g.slug, g.label) for g in groups],
            tema=[(t.slug, t.label) for t in themes],
        )
    return page_unit(
        page,
        kind="case",
        lead=page.summary,
        body=joined(
            plain(page.what_was_done),
            plain(page.results),
            page.partners,
            ", ".join(m.name for m in page.municipalities.all()),
            ", ".join(m.title for m in page.shown_methods),
            page.shown_funding_source.title if page.shown_funding_source else "",
            page.funding,
            described(page, page.region, groups, themes, page.get_status_display()),
        ),
        **fields,
    )


@register(MeetingPage)
def meeting_units(page):
    cases = list(page.cases())
    groups = {g.pk: g for case in cases for g in case.target_groups.all()}
    themes = {t.pk: t for case in cases for t in case.themes.all()}
    return page_unit(
        page,
        kind="moede",
        lead=page.summary,
        body=joined(
            page.series.label if page.series else "",
            page.place,
            page.organiser,
            page.audience,
            plain(page.programme),
            ", ".join(c.title for c in cases),
            described(page, page.region, groups.values(), themes.values()),
        ),
        date=page.date,
        **region_fields(page.region),
    )


@register(MethodPage)
def method_units(page):
    return page_unit(
        page,
        kind="metode",
        lead=page.summary,
        body=joined(plain(page.for_whom), plain(page.how), plain(page.evidence)),
    )


@register(FundingPage)
def funding_units(page):
    return page_unit(
        page,
        kind="pulje",
        lead=page.summary,
        body=joined(page.granted_by, page.administrator, page.eligibility, plain(page.body)),
    )


@register(CollaborationPage)
def collaboration_units(page):
    with translation.override(page.locale.language_code):
        return page_unit(
            page,
            kind="samarbejde",
            lead=page.summary,
            body=joined(
                plain(page.ambition),
                ", ".join(partner.name for partner in page.partners.all()),
                ", ".join(initiative.title for initiative in page.initiatives.all()),
                plain(page.body),
            ),
            **region_fields(page.region),
        )


register(CasebookIndexPage, MeetingIndexPage, FundingIndexPage, MethodIndexPage)(listing_units)
