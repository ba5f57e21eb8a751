"""What a reader sees of a case or meeting as labels is searchable as words."""

import pytest

from casebook.factories import (
    CasebookIndexPageFactory,
    CasePageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
)
from casebook.models import MeetingCase, TargetGroup, Theme
from guidelines.models import Region

from .conftest import publish, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged_case(home):
    casebook = publish(CasebookIndexPageFactory(parent=home))
    theme, _ = Theme.objects.get_or_create(
        slug="dobbeltdiagnose", defaults={"name": "Dobbeltdiagnose"}
    )
    group, _ = TargetGroup.objects.get_or_create(slug="unge", defaults={"name": "Unge"})
    case = CasePageFactory.build(
        title="Fælles team i Skive",
        region=Region.objects.get(slug="midtjylland"),
        summary="Et team af behandlere fra to sektorer.",
        status="forankret",
    )
    casebook.add_child(instance=case)
    case.themes.set([theme])
    case.target_groups.set([group])
    return publish(case)


def test_a_cases_theme_target_group_region_and_status_find_it(tagged_case):
    for words in ("dobbeltdiagnose", "unge", "Midtjylland", "forankret drift"):
        assert search(words) == ["Fælles team i Skive"], words


def test_a_meeting_is_found_by_its_region_and_its_cases_themes(home, tagged_case):
    meetings = publish(MeetingIndexPageFactory(parent=home))
    meeting = MeetingPageFactory.build(
        title="Informationsmøde", date="2026-03-01", region=Region.objects.get(slug="midtjylland")
    )
    meetings.add_child(instance=meeting)
    meeting.presented_cases.add(MeetingCase(case=tagged_case))
    publish(meeting)
    assert "Informationsmøde" in search("dobbeltdiagnose")
    assert "Informationsmøde" in search("Region Midtjylland")
