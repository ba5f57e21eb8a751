"""Every kind of page costs the same number of queries however much content there is.

The demo site is measured page by page, then grown (another document with all its
sections, more sections and recommendations in the document measured, more cases
putting its recommendations into practice, another meeting, more editions), and
measured again: a query count that grew names the page whose cost grows with the
content. (Bytes read still grow with content where a page shows more of it.)
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from casebook.models import (
    CasebookIndexPage,
    CasePage,
    CaseRecommendation,
    MeetingCase,
    MeetingPage,
)
from guidelines.editions.release import release_edition
from guidelines.factories import GuidanceSectionPageFactory, recommendation, text
from guidelines.models import GuidanceDocumentPage, RegionalAdaptationPage, RegionPage

pytestmark = pytest.mark.django_db

DOCUMENT = "/vejledninger/dobbeltdiagnose/"


def addresses():
    document = GuidanceDocumentPage.objects.get(
        url_path__endswith="/dobbeltdiagnose/", locale__language_code="da"
    )
    section = document.sections[2]
    edition = document.edition_list[-1]
    adaptation = RegionalAdaptationPage.objects.live().filter(locale__language_code="da").first()
    case = (
        CasePage.objects.live()
        .filter(locale__language_code="da", recommendation_links__isnull=False)
        .first()
    )
    meeting = MeetingPage.objects.live().filter(locale__language_code="da").first()
    region = RegionPage.objects.live().filter(locale__language_code="da").first()
    return {
        "home": "/",
        "guidance index": "/vejledninger/",
        "document": DOCUMENT,
        "section": section.url,
        "section in English": "/en" + section.url,
        "recommendation": DOCUMENT + "anbefaling/3-1/",
        "recommendation list": DOCUMENT + "anbefalinger/",
        "editions": DOCUMENT + "udgaver/",
        "edition": DOCUMENT + f"udgaver/{edition.slug}/",
        "document feed": DOCUMENT + "feed/",
        "site feed": "/udgaver/feed/",
        "casebook": "/casebog/",
        "casebook, two facets": "/casebog/?region=nordjylland&tema=dobbeltdiagnose",
        "coverage": "/casebog/daekning/",
        "meetings": "/casebog/moeder/",
        "meeting": meeting.url,
        "case": case.url,
        "regions": "/regioner/",
        "region": region.url,
        "adaptation": adaptation.url,
        "adapted section": adaptation.url + adaptation.document.specific.sections[0].slug + "/",
        "search": "/soeg/?q=misbrug",
    }


def measure(client, paths):
    counts = {}
    for name, path in paths.items():
        client.get(path)  # per-process caches (content types, site roots) warm
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        counts[name] = len(queries)
    return counts


def grow():
    document = GuidanceDocumentPage.objects.get(
        url_path__endswith="/dobbeltdiagnose/", locale__language_code="da"
    )
    # Another document, with all its sections and an edition of its own.
    copy = document.copy(
        recursive=True, keep_live=True, update_attrs={"slug": "kopi", "title": "Kopi til måling"}
    )
    release_edition(
        GuidanceDocumentPage.objects.get(pk=copy.pk),
        label="Måling",
        effective_date=datetime.date(2016, 1, 1),
        change_summary="Til måling.",
    )
    # More sections and recommendations in the document measured, and another edition.
    for n in range(1, 6):
        GuidanceSectionPageFactory(
            parent=document,
            slug=f"maaling-{n}",
            number=str(40 + n),
            body=[text("<p>Mere tekst.</p>")] + [recommendation(f"4{n}.{r}") for r in range(1, 4)],
        )
    document = GuidanceDocumentPage.objects.get(pk=document.pk)
    release_edition(
        document,
        label="Måling 2",
        effective_date=datetime.date(2016, 6, 1),
        change_summary="Til måling.",
    )
    # More cases that put its recommendations into practice, presented at a meeting.
    casebook = CasebookIndexPage.objects.get(locale__language_code="da")
    meeting = MeetingPage.objects.live().filter(locale__language_code="da").first()
    template = (
        CasePage.objects.live().filter(locale__language_code="da", region__isnull=True).first()
    )
    for n in range(6):
        case = template.copy(
            to=casebook,
            keep_live=True,
            update_attrs={"slug": f"maaling-{n}", "title": f"Måling {n}"},
        ).specific
        CaseRecommendation.objects.create(case=case, document=document, code=f"4{n % 5 + 1}.1")
        MeetingCase.objects.create(meeting=meeting, case=case)


def test_no_page_costs_more_queries_with_more_content(demo_site):
    client = Client()
    paths = addresses()
    before = measure(client, paths)
    grow()
    after = measure(client, paths)
    grown = {name: (before[name], after[name]) for name in paths if after[name] > before[name]}
    assert not grown, f"query counts that grew with the content (before, after): {grown}"
