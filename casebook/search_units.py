"""What casebook pages put in the site search (see search.units)."""

from search.units import NATIONAL, page_unit, plain, register

from .models import CasePage, MeetingPage


def region_facet(region):
    if region is None:
        return [(NATIONAL[0], str(NATIONAL[1]))]
    return [(region.slug, region.name)]


def joined(*texts):
    return " · ".join(text for text in texts if text)


@register(CasePage)
def case_units(page):
    region = page.region
    return page_unit(
        page,
        kind="case",
        trail=(region.name if region else str(NATIONAL[1]),),
        lead=page.summary,
        body=joined(
            plain(page.what_was_done),
            plain(page.results),
            page.partners,
            ", ".join(m.name for m in page.municipalities.all()),
            page.funding,
        ),
        facets={
            "region": region_facet(region),
            "maalgruppe": [(g.slug, g.name) for g in page.target_groups.all()],
            "tema": [(t.slug, t.name) for t in page.themes.all()],
        },
    )


@register(MeetingPage)
def meeting_units(page):
    region = page.region
    return page_unit(
        page,
        kind="moede",
        trail=(region.name if region else str(NATIONAL[1]),),
        lead=page.summary,
        body=joined(page.place, plain(page.programme), ", ".join(c.title for c in page.cases())),
        date=page.date,
        facets={"region": region_facet(region)},
    )
