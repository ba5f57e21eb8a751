"""Regional editors and moderators, through the admin's own views.

The groups and workflows come from `setup_permissions()`; the users are
ordinary members of those groups, never superusers. Where a refused request
carries a form, the same request by someone allowed to make it is shown to
work, so the refusal is the permission's doing and not a bad form; and every
view checked for another region's draft is shown to show it to that region.
"""

import json
from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casebook.factories import CasebookIndexPageFactory, CasePageFactory
from casebook.models import TargetGroup, Theme
from guidelines.factories import RegionalAdaptationPageFactory, entry
from guidelines.models import Municipality, RegionPage
from guidelines.permissions import setup_permissions

NATIONAL_EDITORS = "Nationale redaktører"
MIDT_EDITORS = "Region Midtjylland – redaktører"
MIDT_MODERATORS = "Region Midtjylland – moderatorer"
SYD_EDITORS = "Region Syddanmark – redaktører"
SYD_MODERATORS = "Region Syddanmark – moderatorer"
SYD_TITLE = "Model for forløbsprogrammer i Region Syddanmark"
# In the title and introduction of the draft of it that Syddanmark has not published.
DRAFT = "Sønderjysk kladde"


# --- Content, groups and users ----------------------------------------------


@pytest.fixture
def casebook(home):
    return CasebookIndexPageFactory(parent=home)


@pytest.fixture
def syddanmark(regions, national):
    """Syddanmark's region page with a live adaptation and a live case."""
    region = regions["syddanmark"]
    adaptation = RegionalAdaptationPageFactory(
        parent=region,
        document=national,
        based_on=national.edition_list[-1],
        title=SYD_TITLE,
        sections=[entry("indsatser", text="<p>I Syddanmark også misbrugscentrene.</p>")],
    )
    case = CasePageFactory(
        parent=region, region=region.region, title="Fælles plan i Svendborg", slug="svendborg"
    )
    return SimpleNamespace(region=region, adaptation=adaptation, case=case)


@pytest.fixture
def groups(regions, national, casebook, syddanmark):
    """The groups and workflows, set up once the pages they apply to exist."""
    setup_permissions()


@pytest.fixture
def login(django_user_model, groups):
    """A logged-in admin client for a new user in the named groups (`client.user`)."""

    def login(username, *group_names):
        user = django_user_model.objects.create_user(username, password="x")
        user.groups.set(Group.objects.filter(name__in=group_names))
        assert user.groups.count() == len(group_names)
        client = Client()
        client.force_login(user)
        client.user = user
        return client

    return login


@pytest.fixture
def midt_editor(login):
    return login("midt-redaktoer", MIDT_EDITORS)


@pytest.fixture
def midt_moderator(login):
    return login("midt-moderator", MIDT_MODERATORS)


@pytest.fixture
def syd_moderator(login):
    return login("syd-moderator", SYD_MODERATORS)


@pytest.fixture
def syd_editor(login):
    return login("syd-redaktoer", SYD_EDITORS)


@pytest.fixture
def national_editor(login):
    return login("national-redaktoer", NATIONAL_EDITORS)


# --- Page forms as the admin posts them ---------------------------------------


def adaptation_form(document, action, title, slug, intro="Hvad der er særligt.", page=None):
    """A new adaptation's form, or with `page` an edit that keeps its entries as they are."""
    if page is None:
        entries = [
            {
                "section": "indsatser",
                "mode": "supplemented",
                "text": rich_text("<p>Også kommunernes misbrugscentre.</p>"),
                "reason": "",
            }
        ]
    else:
        # The browser posts every existing entry back, with its id.
        entries = [
            {
                "id": entry.pk,
                "section": entry.section,
                "mode": entry.mode,
                "text": rich_text(entry.text),
                "reason": entry.reason,
            }
            for entry in page.get_latest_revision_as_object().section_adaptations.all()
        ]
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "document": document.pk,
            "based_on": document.edition_list[-1].pk,
            "intro": intro,
            "section_adaptations": inline_formset(
                entries, initial=0 if page is None else len(entries)
            ),
            "recommendation_stances": inline_formset([]),
            action: action,
        }
    )


def case_form(case, title):
    data = nested_form_data(
        {
            "title": title,
            "slug": case.slug,
            "summary": "Resumé.",
            "region": case.region_id,
            "start_year": "2018",
            "status": "i-gang",
            "what_was_done": rich_text("<p>Gjort.</p>"),
            "results": rich_text(""),
            "recommendation_links": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    data["municipalities"] = [Municipality.objects.get(name="Svendborg").pk]
    data["target_groups"] = [TargetGroup.objects.first().pk]
    data["themes"] = [Theme.objects.first().pk]
    return data


def document_form(document, title):
    return nested_form_data(
        {
            "title": title,
            "slug": document.slug,
            "document_type": document.document_type,
            "issuers": document.issuers,
            "first_published": document.first_published.isoformat(),
            "summary": document.summary,
            "intro": rich_text(""),
            "action-publish": "action-publish",
        }
    )


def section_form(section, title):
    return nested_form_data(
        {
            "title": title,
            "slug": section.slug,
            "number": section.number,
            "summary": "",
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )


def edit_form(page, title):
    """A valid edit of `page` that publishes it with a new title."""
    page = page.specific
    kind = type(page).__name__
    if kind == "RegionalAdaptationPage":
        return adaptation_form(page.document, "action-publish", title, page.slug, page=page)
    return {"CasePage": case_form, "GuidanceDocumentPage": document_form}.get(kind, section_form)(
        page, title
    )


def add_url(parent):
    return f"/admin/pages/add/guidelines/regionaladaptationpage/{parent.pk}/"


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def actions(page):
    """The audit log of `page`: (action, username), oldest first."""
    return list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def refused(response):
    """Wagtail refuses with 403, or by sending the user back to the dashboard; pages
    never published that the user may not see are not found (core/drafts.py)."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


# --- Setup ------------------------------------------------------------------------


def page_grants(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "page__slug", "permission__codename"
        )
    )


def test_setup_gives_each_region_editors_moderators_and_a_workflow(groups, regions):
    assert page_grants(MIDT_EDITORS) == {
        ("midtjylland", "add_page"),
        ("midtjylland", "change_page"),
    }
    assert page_grants(MIDT_MODERATORS) == {
        ("midtjylland", codename)
        for codename in ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
    }
    assert {slug for slug, _c in page_grants(NATIONAL_EDITORS)} == {"vejledninger", "casebog"}
    assert set(
        Group.objects.get(name=MIDT_EDITORS).permissions.values_list("codename", flat=True)
    ) == {"access_admin"}
    for region_page in RegionPage.objects.select_related("region"):
        name = region_page.region.name
        workflow = WorkflowPage.objects.get(page=region_page).workflow
        assert workflow.name == f"Godkendelse – {name}" and workflow.active
        [task] = [task.specific for task in workflow.tasks]
        assert [group.name for group in task.groups.all()] == [f"{name} – moderatorer"]
        assert page_grants(f"{name} – redaktører") == {
            (region_page.slug, "add_page"),
            (region_page.slug, "change_page"),
        }


def test_setup_is_idempotent_and_puts_drifted_groups_right(groups, regions):
    def counts():
        return [
            model.objects.count()
            for model in (Group, GroupPagePermission, Workflow, GroupApprovalTask, WorkflowPage)
        ]

    before = counts()
    midt_editors = Group.objects.get(name=MIDT_EDITORS)
    # Hand edits in the admin: more rights for Midtjylland's editors, fewer for a workflow.
    GroupPagePermission.objects.create(
        group=midt_editors,
        page=regions["syddanmark"],
        permission=Permission.objects.get(codename="publish_page"),
    )
    midt_editors.permissions.add(Permission.objects.get(codename="release_edition"))
    GroupPagePermission.objects.filter(
        group__name=MIDT_MODERATORS, permission__codename="publish_page"
    ).delete()
    syd_workflow = Workflow.objects.get(name="Godkendelse – Region Syddanmark")
    syd_workflow.tasks.get().specific.groups.clear()
    Workflow.objects.filter(pk=syd_workflow.pk).update(active=False)
    WorkflowPage.objects.filter(page=regions["nordjylland"]).delete()

    output = StringIO()
    call_command("setup_permissions", stdout=output)
    call_command("setup_permissions", stdout=output)

    assert counts() == before
    assert page_grants(MIDT_EDITORS) == {
        ("midtjylland", "add_page"),
        ("midtjylland", "change_page"),
    }
    assert ("midtjylland", "publish_page") in page_grants(MIDT_MODERATORS)
    assert list(midt_editors.permissions.values_list("codename", flat=True)) == ["access_admin"]
    assert [g.name for g in syd_workflow.tasks.get().specific.groups.all()] == [SYD_MODERATORS]
    assert Workflow.objects.get(pk=syd_workflow.pk).active
    assert WorkflowPage.objects.get(page=regions["nordjylland"]).workflow.name == (
        "Godkendelse – Region Nordjylland"
    )
    assert f"Gruppen “{MIDT_EDITORS}” er sat op." in output.getvalue()
    assert "Arbejdsgangen “Godkendelse – Region Midtjylland” er sat op." in output.getvalue()


# --- Submit, approve, publish ----------------------------------------------------


def test_editor_submits_and_the_regions_moderator_publishes(
    regions, national, midt_editor, midt_moderator, syd_moderator
):
    midt = regions["midtjylland"]
    assert midt_editor.get(add_url(midt)).status_code == 200
    response = midt_editor.post(
        add_url(midt),
        adaptation_form(national, "action-submit", "Model for forløbsprogrammer, Midt", "model"),
    )
    assert response.status_code == 302
    page = Page.objects.child_of(midt).get(slug="model").specific
    assert not page.live and page.owner == midt_editor.user
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Godkendelse – Region Midtjylland"

    # Neither the author nor another region's moderator can approve it.
    for client in (midt_editor, syd_moderator):
        assert refused(client.post(workflow_action_url(page, "approve"), {"comment": ""}))
    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress

    response = midt_moderator.post(workflow_action_url(page, "approve"), {"comment": "Fint."})
    assert response.status_code == 302
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live and state.status == WorkflowState.STATUS_APPROVED
    assert page.live_revision.as_object().section_adaptations.get().section == "indsatser"
    assert actions(page) == [
        ("wagtail.create", "midt-redaktoer"),
        ("wagtail.edit", "midt-redaktoer"),  # the first revision
        ("wagtail.workflow.start", "midt-redaktoer"),
        ("wagtail.workflow.approve", "midt-moderator"),
        ("wagtail.publish", "midt-moderator"),
    ]


def test_editor_cannot_publish_a_new_page(regions, national, midt_editor):
    midt = regions["midtjylland"]
    response = midt_editor.post(
        add_url(midt), adaptation_form(national, "action-publish", "Model, Midt", "model")
    )
    assert response.status_code == 302  # saved, as a draft
    page = Page.objects.child_of(midt).get(slug="model")
    assert not page.live and page.last_published_at is None
    assert actions(page) == [
        ("wagtail.create", "midt-redaktoer"),
        ("wagtail.edit", "midt-redaktoer"),
    ]


def test_editor_cannot_publish_changes_to_a_live_page(midt_editor, midtjylland_adaptation):
    page = midtjylland_adaptation
    response = midt_editor.post(
        f"/admin/pages/{page.pk}/edit/",
        adaptation_form(page.document, "action-publish", "Ændret titel", page.slug, page=page),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    # The change is kept as a draft; the live page is as it was.
    assert page.draft_title == "Ændret titel" and page.has_unpublished_changes
    assert page.title == "Model for forløbsprogrammer i Region Midtjylland"
    assert "wagtail.publish" not in [action for action, _user in actions(page)]


# --- Nothing outside one's own region -------------------------------------------


def snapshot():
    """Every page's state that an edit, move, copy, lock, unpublish or delete would change."""
    return list(
        Page.objects.order_by("path").values_list(
            "pk", "path", "title", "draft_title", "live", "locked", "latest_revision_id"
        )
    )


@pytest.mark.parametrize("intruder", ["midt_editor", "midt_moderator"])
@pytest.mark.parametrize("target", ["adaptation", "case", "document", "section"])
def test_midtjylland_cannot_touch_another_region_or_national_content(
    request, intruder, target, regions, national, syddanmark
):
    client = request.getfixturevalue(intruder)
    midt = regions["midtjylland"]
    page, owner = {
        "adaptation": (syddanmark.adaptation, "syd_moderator"),
        "case": (syddanmark.case, "syd_moderator"),
        "document": (national, "national_editor"),
        "section": (Page.objects.child_of(national).get(slug="indsatser"), "national_editor"),
    }[target]
    url = f"/admin/pages/{page.pk}"
    # Regional pages may live under Midtjylland; national ones where they already are.
    destination = midt if target in ("adaptation", "case") else page.get_parent()
    before = snapshot()

    attempts = {
        "edit": client.get(f"{url}/edit/"),
        "save": client.post(f"{url}/edit/", edit_form(page, "Overtaget")),
        "preview": client.post(f"{url}/edit/preview/", edit_form(page, "Overtaget")),
        "view preview": client.get(f"{url}/edit/preview/"),
        "unpublish": client.post(f"{url}/unpublish/"),
        "delete": client.post(f"{url}/delete/"),
        "lock": client.post(f"{url}/lock/"),
        "move": client.get(f"{url}/move/"),
        "move here": client.post(f"{url}/move/{destination.pk}/confirm/"),
        "copy": client.post(
            f"{url}/copy/",
            {"new_title": "Kopi", "new_slug": "kopi", "new_parent_page": destination.pk},
        ),
        "add below": client.get(f"/admin/pages/{page.get_parent().pk}/add_subpage/"),
    }
    assert [name for name, response in attempts.items() if not refused(response)] == []
    assert snapshot() == before

    # The edit itself is valid: whoever may edit the page publishes it with it.
    response = request.getfixturevalue(owner).post(f"{url}/edit/", edit_form(page, "Rettet"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Rettet" and page.live


def test_editor_cannot_move_or_copy_own_page_into_another_region(
    regions, national, midt_editor, login
):
    midt, nord = regions["midtjylland"], regions["nordjylland"]
    midt_editor.post(
        add_url(midt), adaptation_form(national, "action-save", "Model, Midt", "model")
    )
    page = Page.objects.child_of(midt).get(slug="model")  # a draft of their own
    copy_to_nord = {"new_title": "Model, Nord", "new_slug": "kopi", "new_parent_page": nord.pk}
    before = snapshot()

    assert refused(midt_editor.get(f"/admin/pages/{page.pk}/move/{nord.pk}/confirm/"))
    assert refused(midt_editor.post(f"/admin/pages/{page.pk}/move/{nord.pk}/confirm/"))
    response = midt_editor.post(f"/admin/pages/{page.pk}/copy/", copy_to_nord)
    assert response.status_code == 200 and "new_parent_page" in response.context["form"].errors
    assert snapshot() == before

    # Someone who edits in both regions may do both.
    both = login("to-regioner", MIDT_EDITORS, "Region Nordjylland – redaktører")
    assert both.post(f"/admin/pages/{page.pk}/copy/", copy_to_nord).status_code == 302
    assert Page.objects.child_of(nord).filter(slug="kopi").exists()
    hovedstaden = regions["hovedstaden"]
    assert refused(both.post(f"/admin/pages/{page.pk}/move/{hovedstaden.pk}/confirm/"))
    assert both.post(f"/admin/pages/{page.pk}/move/{nord.pk}/confirm/").status_code == 302
    assert Page.objects.get(pk=page.pk).get_parent().pk == nord.pk


# --- Other regions' drafts ------------------------------------------------------


@pytest.fixture
def syd_draft(syddanmark, syd_editor):
    """Syddanmark's adaptation with unpublished changes, submitted for moderation."""
    page = syddanmark.adaptation
    response = syd_editor.post(
        f"/admin/pages/{page.pk}/edit/",
        adaptation_form(
            page.document, "action-submit", f"{DRAFT} om modellen", page.slug, DRAFT, page
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress and page.live and page.title != page.draft_title
    return page


def draft_views(page):
    """Admin views that show a page's draft to those allowed to see it."""
    region = page.get_parent()
    return {
        "explorer": f"/admin/pages/{region.pk}/",
        "search": "/admin/pages/search/?q=Syddanmark",
        "search results": "/admin/pages/search/results/?q=Syddanmark",
        "edit": f"/admin/pages/{page.pk}/edit/",
        "view draft": f"/admin/pages/{page.pk}/view_draft/",
        # The revisions listing is the history view now (revisions/ redirects there).
        "history": f"/admin/pages/{page.pk}/history/",
        "revision": f"/admin/pages/{page.pk}/revisions/{page.latest_revision_id}/view/",
        "compare": f"/admin/pages/{page.pk}/revisions/compare/live...{page.latest_revision_id}/",
        "workflow history": f"/admin/pages/{page.pk}/workflow_history/",
        "workflow preview": (
            f"/admin/pages/workflow/preview/{page.pk}/{page.current_workflow_task.pk}/"
        ),
        # Wagtail names the page in these confirmations whoever asks; see admin_hooks_permissions.
        "move confirmation": f"/admin/pages/{page.pk}/move/{region.pk}/confirm/",
        **{
            f"bulk {action}": f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}"
            for action in ("delete", "move", "publish", "unpublish")
        },
        "bulk delete all": f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={region.pk}",
        "dashboard": "/admin/",
        "workflow report": "/admin/reports/workflow/",
        "workflow tasks report": "/admin/reports/workflow_tasks/",
        "site history": "/admin/reports/site-history/",
        "page chooser": f"/admin/choose-page/{region.pk}/",
        "page chooser search": "/admin/choose-page/search/?q=Syddanmark",
    }


def text_of(response):
    if response.get("Content-Type", "").startswith("application/json"):  # the page chooser
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def shows_the_draft(response):
    """Whether a response names the page's draft (its title or text)."""
    return DRAFT in text_of(response)


def shows_the_page(response):
    """Whether a response names the page, in its published or its draft version."""
    return shows_the_draft(response) or SYD_TITLE in text_of(response)


@pytest.mark.parametrize("user", ["midt_editor", "midt_moderator", "national_editor"])
def test_another_regions_draft_is_not_shown(request, user, syd_draft):
    client = request.getfixturevalue(user)
    shown = [
        name for name, url in draft_views(syd_draft).items() if shows_the_draft(client.get(url))
    ]
    assert shown == []


def test_the_regions_own_moderator_sees_the_draft_in_those_views(syd_moderator, syd_draft):
    # So the test above would notice a leak.
    missing = [
        name
        for name, url in draft_views(syd_draft).items()
        if not shows_the_page(syd_moderator.get(url))
    ]
    assert missing == []


def test_the_page_chooser_names_other_regions_pages_by_their_published_title(
    midt_editor, syd_moderator, syd_draft
):
    # The page stays choosable for links, under the title its readers see.
    url = f"/admin/choose-page/chosen-multiple/?id={syd_draft.pk}&id=x"
    assert [item["adminTitle"] for item in midt_editor.get(url).json()["result"]] == [SYD_TITLE]
    assert not shows_the_draft(midt_editor.get(url))
    assert shows_the_draft(syd_moderator.get(url))
