"""Meeting series and the meetings' new fields, funding sources, the method catalogue
and collaborations in the content format: import, idempotence, round trip, and a
clear error that changes nothing for each malformed file."""

import textwrap

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from casebook.models import (
    CasePage,
    CollaborationPage,
    FundingPage,
    MeetingPage,
    MeetingSeries,
    MethodPage,
)
from core.content import ContentError, export_content, import_content
from tests.conftest import empty_site

from .test_content import BASE

CONTENT = """
meeting_series:
  - slug: runde-2014
    name: Informationsmøder 2014
    name_en: Information meetings 2014
    description: Alle fem regioner.
funding_sources:
  - slug: pulje-2015
    title: Puljen 2015
    summary: Til lokale forløbsprogrammer.
    granted_by: Satspuljen
    start_year: 2015
    end_year: 2017
    total_amount: 12000000
    eligibility: En region og en eller flere kommuner.
    rounds:
      - {name: 1. runde, amount: 5900000, deadline: 2015-10-01}
      - {name: 2. runde, amount: 5900000}
methods:
  - slug: ips
    title: IPS
    summary: Job først.
    for_whom: <p>Voksne.</p>
    evidence: <p>Mange forsøg.</p>
cases:
  - slug: randers
    title: Tovholder i Randers
    region: midtjylland
    start_year: 2017
    status: i-gang
    funding_source: pulje-2015
    methods: [ips]
    summary: Resumé.
    what_was_done: <p>Gjort.</p>
collaborations:
  - slug: alliancen
    region: midtjylland
    title: Alliancen
    kind: alliance
    summary: Region og kommuner.
    start_year: 2019
    start_month: 4
    ambition: <p>Tættere på.</p>
    partners:
      - {name: Region Midtjylland, kind: region}
      - {name: SIND, kind: brugere}
    initiatives:
      - {title: Børn i psykiatrien, case: randers, outcomes_invented: true}
      - {title: Et initiativ uden case}
meetings:
  - slug: moede-2014
    series: runde-2014
    title: Møde 2014
    date: 2014-09-23
    start_time: "09:30"
    end_time: "15:00"
    place: Viborg
    region: midtjylland
    organiser: Sundhedsstyrelsen og Socialstyrelsen
    audience: Ledere og fagfolk
    registration_contact: Sekretariatet
    materials:
      - {title: Slides, kind: slides, document: Slides fra mødet}
      - {title: Retningslinjerne, kind: vejledning, url: /vejledninger/dd/}
    cases: [randers]
"""


@pytest.fixture
def slides(db):
    document = Document(title="Slides fra mødet")
    document.file.save("slides.pdf", ContentFile(b"%PDF-1.4 slides"), save=False)
    document.save()
    return document


def load(tmp_path, text, name="content.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return import_content(path)


def state():
    """What the file says, as read back from the database."""
    funding = [
        (
            f.url_path,
            f.granted_by,
            f.total_amount,
            [(r.name, r.amount, r.deadline) for r in f.rounds.all()],
        )
        for f in FundingPage.objects.order_by("path")
    ]
    methods = [(m.url_path, m.summary, m.for_whom) for m in MethodPage.objects.order_by("path")]
    cases = [
        (
            c.slug,
            c.funding_source.slug if c.funding_source else None,
            [m.slug for m in c.methods.all()],
        )
        for c in CasePage.objects.order_by("path")
    ]
    collaborations = [
        (
            c.url_path,
            c.start_month,
            [(p.name, p.kind) for p in c.partners.all()],
            [
                (i.title, i.case.slug if i.case else None, i.outcomes_invented)
                for i in c.initiatives.all()
            ],
        )
        for c in CollaborationPage.objects.order_by("path")
    ]
    meetings = [
        (
            m.url_path,
            m.series.slug if m.series else None,
            m.start_time,
            m.organiser,
            [(x.title, x.kind, x.document_id, x.url) for x in m.materials.all()],
        )
        for m in MeetingPage.objects.order_by("path")
    ]
    series = list(MeetingSeries.objects.values_list("slug", "name", "name_en", "description"))
    return funding, methods, cases, collaborations, meetings, series


def test_everything_imports_where_it_belongs_and_a_second_import_changes_nothing(tmp_path, slides):
    load(tmp_path, BASE + CONTENT)
    case = CasePage.objects.get(slug="randers")
    assert case.funding_source.url_path.endswith("/casebog/puljer/pulje-2015/")
    assert [m.url_path for m in case.methods.all()] == ["/forside/metoder/ips/"]
    alliance = CollaborationPage.objects.get()
    assert alliance.url_path.endswith("/regioner/midtjylland/alliancen/")
    assert [i.case for i in alliance.initiatives.all()] == [case, None]
    meeting = MeetingPage.objects.get()
    assert meeting.series.name_en == "Information meetings 2014"
    assert [m.document for m in meeting.materials.all()] == [slides, None]
    again = load(tmp_path, BASE + CONTENT)
    assert again["created"] == again["updated"] == 0 and again["unchanged"] > 0


def test_everything_round_trips(tmp_path, slides):
    load(tmp_path, BASE + CONTENT)
    before = state()
    assert all(before)
    export_content(tmp_path / "out")
    empty_site()
    MeetingSeries.objects.all().delete()
    assert not any(state())
    import_content(tmp_path / "out")
    assert state() == before


@pytest.mark.parametrize(
    "change, field",
    [
        # meetings
        (("series: runde-2014\n    title", "series: findes-ikke\n    title"), "series"),
        (("kind: slides, document: Slides fra mødet", "kind: slides"), "materials"),
        (("document: Slides fra mødet", "document: Ukendt fil"), "materials"),
        (
            ("url: /vejledninger/dd/", "url: /vejledninger/dd/, document: Slides fra mødet"),
            "materials",
        ),
        (("kind: vejledning", "kind: video"), "materials"),
        (("url: /vejledninger/dd/", 'url: "javascript:alert(1)"'), "materials"),
        (('end_time: "15:00"', 'end_time: "08:00"'), "end_time"),
        (('start_time: "09:30"', 'start_time: "halv ti"'), "start_time"),
        # meeting series
        (("    name: Informationsmøder 2014\n", ""), "name"),
        # funding sources
        (("total_amount: 12000000", "total_amount: mange"), "total_amount"),
        (("end_year: 2017", "end_year: 2012"), "end_year"),
        (("{name: 2. runde, amount: 5900000}", "{amount: 5900000}"), "name"),
        (("    granted_by: Satspuljen\n", ""), "granted_by"),
        # methods
        (("    evidence: <p>Mange forsøg.</p>\n", ""), "evidence"),
        (("methods: [ips]", "methods: [ukendt-metode]"), "methods"),
        (("funding_source: pulje-2015", "funding_source: ukendt-pulje"), "funding_source"),
        # collaborations
        (("kind: alliance", "kind: forening"), "kind"),
        (("{name: SIND, kind: brugere}", "{name: SIND, kind: venner}"), "kind"),
        (("case: randers, outcomes_invented", "case: ukendt, outcomes_invented"), "initiatives"),
        (
            ("region: midtjylland\n    title: Alliancen", "region: atlantis\n    title: Alliancen"),
            "region",
        ),
    ],
)
def test_a_malformed_file_is_refused_and_nothing_changes(tmp_path, slides, change, field):
    assert change[0] in CONTENT, change
    with pytest.raises(ContentError) as caught:
        load(tmp_path, BASE + CONTENT.replace(*change, 1))
    assert field in (caught.value.field or "") or field in str(caught.value), str(caught.value)
    assert not any(state())


def test_a_translation_file_may_not_carry_meeting_series(tmp_path, slides):
    load(tmp_path, BASE + CONTENT)
    with pytest.raises(ContentError, match="kun i den danske fil"):
        load(
            tmp_path,
            "format: vejledning/1\nlocale: en\nmeeting_series:\n  - {slug: x, name: X}\n",
            name="en.yaml",
        )
