"""Cases and meetings in the content format."""

import textwrap

import pytest

from casebook.models import CasePage, MeetingPage
from core.content import ContentError, export_content, import_content
from tests.conftest import empty_site

BASE = """
format: vejledning/1
site:
  home: {slug: forside, title: Forside}
regions_index:
  slug: regioner
  title: Regioner
  regions:
    - {slug: midtjylland, region: midtjylland, title: Region Midtjylland}
casebook_index: {slug: casebog, title: Casebog}
documents:
  - slug: dd
    title: Dobbeltdiagnose
    document_type: guideline
    issuers: Sundhedsstyrelsen
    first_published: 2014-08-01
    summary: Resumé.
    sections:
      - slug: plan
        title: Plan
        body:
          - type: recommendation
            value: {code: "6.1", title: Tovholder, strength: boer, statement: <p>x</p>}
"""

CASES = """
cases:
  - slug: randers
    title: Tovholder i Randers
    region: midtjylland
    municipalities: [Viborg, Randers]
    target_groups: [voksne]
    themes: [dobbeltdiagnose, bolig]
    start_year: 2017
    status: i-gang
    summary: Resumé.
    what_was_done: <p>Gjort.</p>
    recommendations: [dd/6.1]
meetings:
  - slug: moede-2014
    title: Møde 2014
    date: 2014-09-23
    place: Viborg
    region: midtjylland
    cases: [randers]
"""


def load(tmp_path, text):
    path = tmp_path / "content.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return import_content(path)


def state():
    cases = [
        (
            c.url_path,
            c.title,
            c.region_id,
            sorted(m.name for m in c.municipalities.all()),
            sorted(t.slug for t in c.themes.all()),
            [(r.document.slug, r.code) for r in c.recommendation_links.all()],
        )
        for c in CasePage.objects.order_by("path")
    ]
    meetings = [
        (m.url_path, m.date, [link.case.slug for link in m.presented_cases.all()])
        for m in MeetingPage.objects.order_by("path")
    ]
    return cases, meetings


def test_cases_and_meetings_import_idempotently(db, tmp_path):
    load(tmp_path, BASE + CASES)
    case = CasePage.objects.get(slug="randers")
    assert case.url_path.endswith("/regioner/midtjylland/randers/")
    assert [r.code for r in case.recommendation_links.all()] == ["6.1"]
    assert MeetingPage.objects.get().presented_cases.get().case == case
    assert load(tmp_path, BASE + CASES)["updated"] == 0


def test_recommendations_and_presented_cases_keep_the_files_order(db, tmp_path):
    """The order is stored (sort_order, as the editor's form stores it), not left to
    the database, which may return unnumbered rows in any order (PostgreSQL does)."""
    content = (
        BASE
        + """
          - type: recommendation
            value: {code: "6.2", title: Plan, strength: boer, statement: <p>y</p>}
cases:
  - {slug: randers, title: Randers, start_year: 2017, status: i-gang, summary: x,
     what_was_done: <p>x</p>, recommendations: [dd/6.2, dd/6.1]}
  - {slug: viborg, title: Viborg, start_year: 2018, status: i-gang, summary: x,
     what_was_done: <p>x</p>}
meetings:
  - {slug: moede, title: Møde, date: 2014-09-23, place: Viborg, cases: [viborg, randers]}
"""
    )
    load(tmp_path, content)
    case = CasePage.objects.get(slug="randers")
    assert list(case.recommendation_links.values_list("code", "sort_order")) == [
        ("6.2", 0),
        ("6.1", 1),
    ]
    meeting = MeetingPage.objects.get()
    assert [(link.case.slug, link.sort_order) for link in meeting.presented_cases.all()] == [
        ("viborg", 0),
        ("randers", 1),
    ]

    load(tmp_path, content.replace("[dd/6.2, dd/6.1]", "[dd/6.1, dd/6.2]"))
    assert [r.code for r in case.recommendation_links.all()] == ["6.1", "6.2"]


def test_a_case_whose_region_is_removed_moves_to_the_casebook(db, tmp_path):
    load(tmp_path, BASE + CASES)
    load(
        tmp_path,
        BASE
        + CASES.replace("    region: midtjylland\n    municipalities: [Viborg, Randers]\n", ""),
    )
    assert CasePage.objects.get(slug="randers").url_path.endswith("/casebog/randers/")


@pytest.mark.parametrize(
    "change, field",
    [
        (("[Viborg, Randers]", "[Viborg, Odense]"), "municipalities"),
        (("[dobbeltdiagnose, bolig]", "[rejser]"), "themes"),
        (("[dd/6.1]", "[dd/9.9]"), "recommendations"),
        (("[dd/6.1]", "[ukendt/6.1]"), "recommendations"),
        (("status: i-gang", "status: maaske"), "status"),
        (("cases: [randers]", "cases: [findes-ikke]"), "cases"),
    ],
)
def test_bad_references_are_refused_and_nothing_is_imported(db, tmp_path, change, field):
    with pytest.raises(ContentError) as caught:
        load(tmp_path, BASE + CASES.replace(*change))
    assert caught.value.field == field
    assert not CasePage.objects.exists()


def test_cases_and_meetings_round_trip(db, tmp_path):
    """With their regions, municipalities, themes, recommendations and presented cases;
    the demo's cases and meetings round trip in test_content_translations."""
    national = (
        "  - {slug: national, title: National, start_year: 2019, status: afsluttet,\n"
        "     summary: x, what_was_done: <p>x</p>}\nmeetings:"
    )
    load(
        tmp_path,
        BASE + CASES.replace("meetings:", national).replace("[randers]", "[national, randers]"),
    )
    before = state()
    assert len(before[0]) == 2 and before[1][0][2] == ["national", "randers"]
    export_content(tmp_path / "out")
    empty_site()
    assert state() == ([], [])
    import_content(tmp_path / "out")
    assert state() == before
