"""Nothing lost: a page's state in the content format (docs/content-format.md, "State").

Publication (live, draft only, live with a newer draft), an approved schedule,
the promote tab's fields, view restrictions and locks round-trip through export
and import, and an import never publishes what the file does not say is live.
"""

import datetime

import pytest
import yaml
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction, Revision

from core.content import ContentError, export_content, import_content
from guidelines.editions.release import release_edition
from guidelines.models import GuidanceSectionPage
from tests.conftest import empty_site
from tests.guidelines.test_content_format import DOCUMENT, SITE, snapshot, write

FUTURE = "2099-05-01 08:00:00+00:00"


def document_with(section_keys, document_keys=""):
    """DOCUMENT with extra keys on its first section (and on the document)."""
    text = DOCUMENT.replace('        number: "1"\n', '        number: "1"\n' + section_keys, 1)
    return text.replace(
        "    summary: Et kort resumé.\n", "    summary: Et kort resumé.\n" + document_keys
    )


@pytest.fixture
def site(db, tmp_path):
    import_content(write(tmp_path, "site.yaml", SITE))
    return tmp_path


def load(site, section_keys, document_keys=""):
    return import_content(write(site, "doc.yaml", document_with(section_keys, document_keys)))


def first():
    return GuidanceSectionPage.objects.get(slug="foerste", locale__language_code="da")


def state():
    """Each page's publication state, versions, restriction and lock, by path."""
    rows = []
    for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
        scheduled = page.revisions.filter(approved_go_live_at__isnull=False).first()
        latest = page.latest_revision
        restriction = PageViewRestriction.objects.filter(page=page).first()
        rows.append(
            (
                page.url_path,
                page.live,
                page.has_unpublished_changes,
                page.title,
                latest.as_object().title if latest else None,
                scheduled and (scheduled.approved_go_live_at, scheduled.as_object().title),
                scheduled is not None and latest is not None and scheduled.pk == latest.pk,
                page.seo_title,
                page.search_description,
                page.show_in_menus,
                page.go_live_at,
                page.expire_at,
                restriction
                and (
                    restriction.restriction_type,
                    restriction.password,
                    sorted(g.name for g in restriction.groups.all()),
                ),
                (page.locked, page.locked_by and page.locked_by.username, page.locked_at),
            )
        )
    return rows


def round_trip(tmp_path):
    """Export, empty the site, import the export, export again: (the state before,
    after, the first export's text, the second's)."""
    before = (state(), snapshot())
    export_content(tmp_path / "one.yaml")
    empty_site()
    import_content(tmp_path / "one.yaml")
    export_content(tmp_path / "two.yaml")
    after = (state(), snapshot())
    return before, after, (tmp_path / "one.yaml").read_text(), (tmp_path / "two.yaml").read_text()


def exported_section(tmp_path):
    export_content(tmp_path / "out.yaml")
    data = yaml.safe_load((tmp_path / "out.yaml").read_text())
    return data["documents"][0]["sections"][0]


def test_a_draft_only_page_is_imported_unpublished_and_stays_so(site, client):
    load(site, "        live: false\n")
    section = first()
    assert not section.live and section.latest_revision is not None
    assert client.get("/vejledninger/proeve/foerste/").status_code == 404
    assert exported_section(site)["live"] is False

    before, after, one, two = round_trip(site)
    assert before == after and one == two
    assert not first().live


def test_a_newer_draft_comes_back_as_a_draft_not_published(site, client):
    load(site, "        draft: {title: Første afsnit i kladde, summary: Nyt resumé}\n")
    section = first()
    assert section.live and section.has_unpublished_changes
    assert section.title == "Første afsnit"  # what readers see
    assert section.latest_revision.as_object().title == "Første afsnit i kladde"
    assert "Første afsnit i kladde" not in client.get("/vejledninger/proeve/foerste/").text
    assert exported_section(site)["draft"] == {
        "title": "Første afsnit i kladde",
        "summary": "Nyt resumé",
    }

    before, after, one, two = round_trip(site)
    assert before == after and one == two


def test_a_page_scheduled_for_publishing_stays_scheduled(site):
    load(site, f"        live: false\n        go_live_at: {FUTURE}\n        scheduled: {{}}\n")
    section = first()
    revision = section.latest_revision
    assert not section.live
    assert revision.approved_go_live_at == datetime.datetime(2099, 5, 1, 8, tzinfo=datetime.UTC)
    assert section.approved_schedule

    before, after, one, two = round_trip(site)
    assert before == after and one == two


def test_a_live_page_with_a_scheduled_new_version_and_a_later_draft(site):
    load(
        site,
        f"        scheduled: {{title: Planlagt titel, go_live_at: {FUTURE}}}\n"
        "        draft: {title: Endnu nyere kladde}\n",
    )
    section = first()
    scheduled = section.revisions.get(approved_go_live_at__isnull=False)
    assert section.live and section.title == "Første afsnit"
    assert scheduled.as_object().title == "Planlagt titel"
    assert section.latest_revision.as_object().title == "Endnu nyere kladde"
    assert section.latest_revision.pk != scheduled.pk

    before, after, one, two = round_trip(site)
    assert before == after and one == two


def test_a_schedule_whose_date_has_passed_is_not_published_by_the_import(site):
    """Wagtail's publish_scheduled publishes it, as it would have on the exported site."""
    load(
        site,
        "        live: false\n"
        "        go_live_at: 2020-01-01 08:00:00+00:00\n"
        "        scheduled: {}\n",
    )
    assert not first().live
    assert first().latest_revision.approved_go_live_at is not None


def test_promote_and_settings_fields_round_trip_and_defaults_are_left_out(site):
    load(
        site,
        "        seo_title: Tovholder i praksis\n"
        "        search_description: Hvem koordinerer hvad.\n"
        "        show_in_menus: true\n"
        f"        expire_at: {FUTURE}\n",
    )
    section = first()
    assert (section.seo_title, section.search_description, section.show_in_menus) == (
        "Tovholder i praksis",
        "Hvem koordinerer hvad.",
        True,
    )
    assert section.expire_at.year == 2099
    exported = exported_section(site)
    assert exported["seo_title"] == "Tovholder i praksis"
    second = yaml.safe_load((site / "out.yaml").read_text())["documents"][0]["sections"][1]
    assert not {"seo_title", "search_description", "show_in_menus", "go_live_at"} & set(second)

    before, after, one, two = round_trip(site)
    assert before == after and one == two


@pytest.mark.parametrize(
    "privacy",
    [
        "{type: password, password: hemmelig}",
        "{type: login}",
        "{type: groups, groups: [Moderators, Editors]}",
    ],
)
def test_view_restrictions_round_trip_and_keep_readers_out(site, client, privacy):
    for name in ("Moderators", "Editors"):
        Group.objects.get_or_create(name=name)
    load(site, f"        privacy: {privacy}\n")
    restriction = PageViewRestriction.objects.get(page=first())
    assert restriction.restriction_type in privacy
    response = client.get("/vejledninger/proeve/foerste/")
    # A password form or a redirect to log in, never the text.
    assert "Indledning, skrevet som blok" not in response.text

    before, after, one, two = round_trip(site)
    assert before == after and one == two


def test_a_restriction_removed_from_the_file_is_removed(site):
    load(site, "        privacy: {type: login}\n")
    load(site, "")
    assert not PageViewRestriction.objects.exists()


def test_an_unknown_group_is_an_error_and_nothing_is_imported(site):
    before = (state(), Revision.objects.count())
    with pytest.raises(ContentError, match="ukendte grupper: Findes ikke") as caught:
        load(site, "        privacy: {type: groups, groups: [Findes ikke]}\n")
    assert "sections[0] (foerste)" in caught.value.item
    assert (state(), Revision.objects.count()) == before


def test_locks_round_trip(site, django_user_model):
    django_user_model.objects.create_user("redaktoer", "r@example.org", "kodeord")
    load(site, "        locked: {by: redaktoer, at: 2025-03-01 10:00:00+00:00}\n")
    section = first()
    assert section.locked and section.locked_by.username == "redaktoer"

    before, after, one, two = round_trip(site)
    assert before == after and one == two

    load(site, "")
    assert not first().locked


def test_a_lock_by_an_unknown_user_is_an_error(site):
    with pytest.raises(ContentError, match="ukendt bruger 'ingen'"):
        load(site, "        locked: {by: ingen}\n")


def test_a_file_that_says_not_live_unpublishes_the_page(site):
    load(site, "")
    assert first().live
    load(site, "        live: false\n")
    assert not first().live


def test_importing_a_stateful_file_twice_changes_nothing(site, django_user_model):
    django_user_model.objects.create_user("redaktoer", "r@example.org", "kodeord")
    keys = (
        "        draft: {title: Kladde}\n"
        f"        scheduled: {{title: Planlagt, go_live_at: {FUTURE}}}\n"
        "        privacy: {type: password, password: x}\n"
        "        locked: {by: redaktoer}\n"
        "        seo_title: SEO\n"
    )
    load(site, keys, document_keys="    live: false\n")
    before = (state(), Revision.objects.count())
    stats = load(site, keys, document_keys="    live: false\n")
    assert stats["created"] == stats["updated"] == 0
    assert (state(), Revision.objects.count()) == before


@pytest.mark.parametrize(
    "keys, message",
    [
        ("        live: false\n        draft: {title: x}\n", "har ingen særskilt kladde"),
        ("        scheduled: {title: x}\n", "skal have 'go_live_at'"),
        ("        draft: {sections: []}\n", "er ikke felter på siden"),
        ("        draft: {title: ''}\n", "draft.title"),
        ("        privacy: {type: password}\n", "skal have 'password'"),
        ("        privacy: {type: login, groups: [Editors]}\n", "'groups' hører kun til"),
    ],
)
def test_a_bad_state_is_an_error_naming_the_item(site, keys, message):
    with pytest.raises(ContentError, match=message) as caught:
        load(site, keys)
    assert "sections[0]" in caught.value.item, str(caught.value)


def test_import_never_publishes_what_was_not_live(site, tmp_path):
    """The issue's finding: pages that were never published came back live."""
    load(
        site,
        "        live: false\n",
        document_keys="    draft: {summary: Ikke godkendt endnu}\n",
    )
    live_before = set(Page.objects.live().values_list("url_path", flat=True))
    export_content(tmp_path / "ud")
    empty_site()
    import_content(tmp_path / "ud")
    assert set(Page.objects.live().values_list("url_path", flat=True)) == live_before
    assert not first().live


def test_an_edition_released_from_text_saved_in_the_admin_round_trips(site):
    """Draftail stores `<br/>` and raw no-break spaces; nh3 writes `<br>` and `&nbsp;`.
    The edition frozen from the admin's text compares equal to the imported one."""
    load(site, "")
    section = first()
    section.body = [("text", '<p data-block-key="k1">Linje<br/>to\u00a0ord</p>')]
    section.save_revision().publish()
    document = section.get_parent().specific
    release_edition(
        type(document).objects.get(pk=document.pk),
        label="1. udgave",
        effective_date=datetime.date(2025, 1, 1),
        change_summary="Første udgave.",
    )
    export_content(site / "one.yaml")
    assert import_content(site / "one.yaml")["updated"] == 0  # the same text, said by nh3

    before, after, one, two = round_trip(site)
    assert one == two and before[0] == after[0]
    assert "Linje<br>to&nbsp;ord" in one
