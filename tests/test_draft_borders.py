"""No draft crosses a region's border: a probe of every admin URL as regional staff.

Drafts of another region's pages and of national pages are named nowhere in the
admin to a regional editor or moderator, and national editors see no region's
drafts: the walk fills every URL pattern the project and Wagtail register with the
ids of such drafts (and of their revisions, workflow tasks and states), asks with
query parameters that name them too, and reads every answer for the drafts' marks.
A page that was never published answers only 403, 404 or a redirect wherever its
id is in the path. The same walk with the region's own drafts shows them to its
staff, so the probe would notice a leak (the positive control).
"""

import json
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page

from casebook.factories import CasebookIndexPageFactory, CasePageFactory
from guidelines.factories import GuidanceSectionPageFactory, RegionalAdaptationPageFactory, entry
from guidelines.permissions import setup_permissions

from .admin_urls import admin_path, admin_patterns

NATIONAL_EDITORS = "Nationale redaktører"
SYD_EDITORS = "Region Syddanmark – redaktører"
SYD_MODERATORS = "Region Syddanmark – moderatorer"
NORD_EDITORS = "Region Nordjylland – redaktører"

# Marks in the drafts' titles and texts; ASCII, so JSON and HTML escaping leave them be.
NORD_NEW, NORD_CHANGED = "qxNordNy", "qxNordRet"
NATIONAL_NEW, NATIONAL_CHANGED = "qxNatNy", "qxNatRet"
SYD_NEW, SYD_CHANGED = "qxSydNy", "qxSydRet"
ALL_MARKS = "qx"  # every mark begins so; searched for as a word start


def user_in(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.set([Group.objects.get(name=group_name)])
    return user


def client_for(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def superuser(django_user_model):
    return client_for(django_user_model.objects.create_superuser("admin", password="x"))


def new_draft(factory, parent, mark, **kwargs):
    """A page under `parent` that was never published."""
    page = factory(parent=parent, title=f"Udkast {mark}", live=False, **kwargs)
    page.save_revision()
    return Page.objects.get(pk=page.pk)


def changed_draft(page, mark, submitter):
    """Unpublished changes to live `page`, submitted to its workflow where it has one."""
    page = page.specific
    page.title = f"Ændret {mark}"
    page.save_revision(user=submitter)
    if workflow := page.get_workflow():
        workflow.start(page, submitter)
    page = Page.objects.get(pk=page.pk)
    assert page.live and page.has_unpublished_changes and page.draft_title != page.title
    return page


@pytest.fixture
def drafts(regions, national, django_user_model):
    """Drafts in Nordjylland, Syddanmark and the national guidance: each region a live
    adaptation with changes in moderation and a case never published; the national
    document changes not yet published and a section never published."""
    casebook = CasebookIndexPageFactory(parent=regions["syddanmark"].get_parent().get_parent())
    live = {}
    for slug in ("nordjylland", "syddanmark"):
        live[slug] = RegionalAdaptationPageFactory(
            parent=regions[slug],
            document=national,
            based_on=national.edition_list[-1],
            title=f"Model i {slug}",
            sections=[entry("indsatser", text="<p>Lokalt.</p>")],
        )
    setup_permissions()
    nord = user_in(django_user_model, "nord-redaktoer", NORD_EDITORS)
    syd = user_in(django_user_model, "syd-redaktoer", SYD_EDITORS)
    national_editor = user_in(django_user_model, "national-redaktoer", NATIONAL_EDITORS)
    return SimpleNamespace(
        casebook=casebook,
        nord=[
            new_draft(CasePageFactory, regions["nordjylland"], NORD_NEW, slug="nord-udkast"),
            changed_draft(live["nordjylland"], NORD_CHANGED, nord),
        ],
        national=[
            new_draft(
                GuidanceSectionPageFactory, national, NATIONAL_NEW, slug="udkast", number="4"
            ),
            changed_draft(national, NATIONAL_CHANGED, national_editor),
        ],
        syd=[
            new_draft(CasePageFactory, regions["syddanmark"], SYD_NEW, slug="syd-udkast"),
            changed_draft(live["syddanmark"], SYD_CHANGED, syd),
        ],
        own_region=regions["syddanmark"],
    )


def mark_of(page):
    return (page.draft_title if page.live else page.title).split()[-1]


def fill_for(page):
    """Fill a path's parameters with `page`'s id, and its revision's,
    task's and workflow states' where the parameter names them; words with the page
    id too, since Wagtail takes some ids as strings."""
    state = page.workflow_states.order_by("-pk").first()
    task_state = state.current_task_state if state else None
    by_name = {
        "revision_id": page.latest_revision_id,
        "revision_id_a": "live",
        "revision_id_b": page.latest_revision_id,
        "workflow_state_id": state.pk if state else None,
        "task_state_id": task_state.pk if task_state else None,
        "task_id": task_state.task_id if task_state else None,
        "content_type_app_name": "casebook",
        "content_type_model_name": "casepage",
        "app_label": "wagtailcore",
        "app_name": "wagtailcore",
        "model_name": "page",
    }

    def fill(name, number):
        value = by_name.get(name)
        return str(page.pk if value is None else value)

    return fill


def queries_for(page):
    pk = page.pk
    return [
        "",
        f"?id={pk}",
        f"?q={ALL_MARKS}&parent_page_id={pk}&page_type=wagtailcore.page",
        f"?id=all&childOf={pk}&p=1",
        f"?page_to_move={pk}&next=/admin/pages/{pk}/",
        f"?search={ALL_MARKS}&child_of={pk}&fields=*",
        f"?descendant_of={pk}&fields=title,admin_display_title",
    ]


def body(response):
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode(errors="replace")


def refused(response):
    return response.status_code in (301, 302, 403, 404, 405)


def probe(client, pages, superuser=None):
    """Every admin URL, filled with each page's ids, as `client`: the answers that name
    one of the pages' drafts; and, with `superuser`, the URLs with a page never
    published in their path that show it to the superuser but are not refused."""
    marks = [mark_of(page) for page in pages]
    named, answered = [], []
    asked = set()  # a URL without any page's id (no query) is the same for every page

    def ask(url):
        if url in asked:
            return None
        asked.add(url)
        response = client.get(url)
        text = body(response) if response.status_code < 500 else ""
        if response.status_code >= 500 or (found := [m for m in marks if m in text]):
            named.append(f"{url}: {response.status_code} {found}")
        return response

    patterns = admin_patterns()
    for page in pages:
        for pattern in patterns:
            path = admin_path(pattern, fill_for(page))
            if path is None:
                continue
            if str(page.pk) not in path:
                for query in queries_for(page):
                    ask(path + query)
                continue
            response = ask(path)
            if response is None or superuser is None or page.live or refused(response):
                continue
            if mark_of(page) in body(superuser.get(path)):
                answered.append(f"{path}: {response.status_code}")
    return named, answered


@pytest.mark.parametrize("role", [SYD_EDITORS, SYD_MODERATORS])
def test_regional_staff_meet_no_other_regions_or_national_draft(drafts, django_user_model, role):
    client = client_for(user_in(django_user_model, "probe", role))
    named, answered = probe(client, [*drafts.nord, *drafts.national], superuser(django_user_model))
    assert not named, "\n".join(named)
    assert not answered, "\n".join(answered)


def test_national_editors_meet_no_regions_draft(drafts, django_user_model):
    client = client_for(user_in(django_user_model, "probe", NATIONAL_EDITORS))
    named, answered = probe(client, [*drafts.nord, *drafts.syd], superuser(django_user_model))
    assert not named, "\n".join(named)
    assert not answered, "\n".join(answered)


def test_the_regions_own_drafts_are_shown_to_its_staff(drafts, django_user_model):
    # The positive control: the same walk names Syddanmark's drafts to its moderator.
    client = client_for(user_in(django_user_model, "probe", SYD_MODERATORS))
    named, _answered = probe(client, drafts.syd)
    new, changed = (mark_of(page) for page in drafts.syd)
    assert len([line for line in named if new in line]) >= 10
    assert len([line for line in named if changed in line]) >= 10
    for page in drafts.syd:
        for path in (f"/admin/pages/{page.pk}/edit/", f"/admin/choose-page/{page.pk}/"):
            assert any(line.startswith(path) for line in named), path


def test_regional_staff_link_to_published_national_pages(drafts, national, django_user_model):
    # Choosers list the national pages a reader can see, by the titles readers see.
    client = client_for(user_in(django_user_model, "probe", SYD_EDITORS))
    browse = client.get(f"/admin/choose-page/{national.pk}/")
    listed = body(browse)
    assert browse.status_code == 200
    assert "Model for forløbsprogrammer" in listed and "Målgruppe" in listed
    assert NATIONAL_NEW not in listed and NATIONAL_CHANGED not in listed
    search = body(client.get("/admin/choose-page/search/", {"q": "Model"}))
    assert "Model for forløbsprogrammer" in search and NATIONAL_CHANGED not in search
