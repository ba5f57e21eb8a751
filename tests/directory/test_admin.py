"""Regional editors keep their region's offers, through the admin's own views, with
its forms and CSRF; another region's offers are out of their reach.

The groups and workflows are the real ones (guidelines.permissions.setup_permissions);
the users are ordinary members of them."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Page, WorkflowState

from directory.models import OfferPage
from guidelines.models import Municipality
from guidelines.permissions import setup_permissions

MIDT_EDITORS = "Region Midtjylland – redaktører"
MIDT_MODERATORS = "Region Midtjylland – moderatorer"


@pytest.fixture
def login(django_user_model, midt_offers, syd_offer):
    """A client that enforces CSRF as a browser meets it, for a new user in the
    named group; the groups are set up once the pages exist."""
    setup_permissions()

    def login(username, group):
        user = django_user_model.objects.create_user(username, password="x")
        user.groups.set([Group.objects.get(name=group)])
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        return client

    return login


@pytest.fixture
def midt_editor(login):
    return login("midt-redaktoer", MIDT_EDITORS)


def csrf_token(response):
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    assert found, "the form has no CSRF token"
    return found.group(1)


def offer_form(offer, token, action="action-submit", **changes):
    """The edit form as the browser posts it, with `changes`."""
    data = {
        "csrfmiddlewaretoken": token,
        "title": offer.title,
        "slug": offer.slug,
        "actor_kind": offer.actor_kind,
        "description": offer.description,
        "target_groups": offer.target_groups,
        "municipalities": [m.pk for m in offer.municipalities.all()],
        "contact_role": offer.contact_role,
        "phone": offer.phone,
        "opening_hours": offer.opening_hours,
        "address": offer.address,
        "web": offer.web,
        "verified_on": offer.verified_on.isoformat(),
        action: action,
    }
    if offer.whole_region:
        data["whole_region"] = "on"
    data.update(changes)
    return data


def refused(response):
    """Wagtail refuses with 403, or by sending the user back to the dashboard."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def state(offer):
    offer = OfferPage.objects.get(pk=offer.pk)
    return (
        offer.title,
        offer.draft_title,
        offer.latest_revision_id,
        offer.live,
        sorted(m.name for m in offer.municipalities.all()),
    )


def test_a_regional_editor_changes_an_offer_of_their_region(midt_editor, midt_offers, login):
    offer = midt_offers["misbrug"]
    url = f"/admin/pages/{offer.pk}/edit/"
    form = midt_editor.get(url)
    assert form.status_code == 200
    # The form offers the region's municipalities, not the others'.
    html = form.content.decode()
    assert f'value="{Municipality.objects.get(name="Favrskov").pk}"' in html
    assert f'value="{Municipality.objects.get(name="Svendborg").pk}"' not in html

    # Without the token the change is refused (CSRF), as a forged request would be.
    assert midt_editor.post(url, offer_form(offer, "forged")).status_code == 403

    favrskov = Municipality.objects.get(name="Favrskov")
    response = midt_editor.post(
        url,
        offer_form(
            offer,
            csrf_token(form),
            title="Misbrugscenter Randers og Favrskov (demo)",
            municipalities=[Municipality.objects.get(name="Randers").pk, favrskov.pk],
            opening_hours="Hverdage kl. 9–14",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    offer = OfferPage.objects.get(pk=offer.pk)
    # Submitted to the region's moderators: the live offer is as it was until approved.
    assert offer.title == "Misbrugscenter Randers (demo)"
    assert offer.draft_title == "Misbrugscenter Randers og Favrskov (demo)"
    workflow = offer.current_workflow_state
    assert workflow.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow.workflow.name == "Godkendelse – Region Midtjylland"
    draft = offer.get_latest_revision_as_object()
    assert draft.opening_hours == "Hverdage kl. 9–14"
    assert sorted(m.name for m in draft.municipalities.all()) == ["Favrskov", "Randers"]

    # The region's moderator approves it, and readers see it.
    moderator = login("midt-moderator", MIDT_MODERATORS)
    task_state = offer.current_workflow_task_state
    action_url = f"/admin/pages/workflow/action/{offer.pk}/approve/{task_state.pk}/"
    token = csrf_token(moderator.get(f"/admin/pages/{offer.pk}/edit/"))
    response = moderator.post(action_url, {"comment": "", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    offer = OfferPage.objects.get(pk=offer.pk)
    assert offer.live and offer.title == "Misbrugscenter Randers og Favrskov (demo)"
    assert (
        "Misbrugscenter Randers og Favrskov (demo)"
        in Client().get("/hvem-goer-hvad/favrskov/").content.decode()
    )


def test_a_regional_editor_adds_an_offer_in_their_region(midt_editor, directories):
    midt = directories["midtjylland"]
    url = f"/admin/pages/add/directory/offerpage/{midt.pk}/"
    form = midt_editor.get(url)
    assert form.status_code == 200
    new = OfferPage(title="Lægevagten i Region Midtjylland (demo)", slug="laegevagten")
    new.actor_kind, new.verified_on = "laegevagt", datetime.date(2026, 4, 1)
    data = offer_form(new, csrf_token(form), whole_region="on", municipalities=[])
    response = midt_editor.post(url, data)
    assert response.status_code == 302
    page = OfferPage.objects.get(slug="laegevagten", locale__language_code="da")
    assert page.region.slug == "midtjylland" and not page.live
    assert page.get_parent().pk == midt.pk


def test_a_regional_editor_cannot_touch_another_regions_offers(midt_editor, syd_offer, directories):
    before = state(syd_offer)
    pages_before = Page.objects.count()
    url = f"/admin/pages/{syd_offer.pk}/edit/"
    # A token from a form the editor may open: the refusal is the permission's doing.
    token = csrf_token(midt_editor.get(f"/admin/pages/{directories['midtjylland'].pk}/edit/"))
    assert refused(midt_editor.get(url))
    assert refused(midt_editor.post(url, offer_form(syd_offer, token, title="Overtaget")))
    assert refused(
        midt_editor.post(url, offer_form(syd_offer, token, "action-publish", title="Overtaget"))
    )
    syd = directories["syddanmark"]
    add_url = f"/admin/pages/add/directory/offerpage/{syd.pk}/"
    assert refused(midt_editor.get(add_url))
    new = OfferPage(title="Indtrængt", slug="indtraengt", actor_kind="akut")
    new.verified_on = syd_offer.verified_on
    assert refused(midt_editor.post(add_url, offer_form(new, token, whole_region="on")))
    assert refused(
        midt_editor.post(f"/admin/pages/{syd_offer.pk}/delete/", {"csrfmiddlewaretoken": token})
    )

    assert state(syd_offer) == before
    assert Page.objects.count() == pages_before
    assert not OfferPage.objects.filter(slug="indtraengt").exists()


def test_a_regional_editor_cannot_give_an_offer_another_regions_municipality(
    midt_editor, midt_offers
):
    offer = midt_offers["misbrug"]
    before = state(offer)
    url = f"/admin/pages/{offer.pk}/edit/"
    form = midt_editor.get(url)
    svendborg = Municipality.objects.get(name="Svendborg")
    response = midt_editor.post(
        url,
        offer_form(
            offer,
            csrf_token(form),
            municipalities=[Municipality.objects.get(name="Randers").pk, svendborg.pk],
        ),
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Svendborg ligger ikke i Region Midtjylland." in response.content.decode()
    assert state(offer) == before
    assert offer.current_workflow_state is None

    # Nor leave it serving no one.
    response = midt_editor.post(url, offer_form(offer, csrf_token(form), municipalities=[]))
    assert response.status_code == 200
    assert "Vælg de kommuner, tilbuddet dækker" in response.content.decode()
    assert state(offer) == before


def test_the_admin_forms_of_the_directory_pages_open_and_save(
    admin_client, home, regions, directory_index, midt_offers, directories
):
    midt = directories["midtjylland"]
    urls = [
        f"/admin/pages/{directory_index.pk}/edit/",
        f"/admin/pages/{midt.pk}/edit/",
        f"/admin/pages/{midt_offers['akut'].pk}/edit/",
        f"/admin/pages/add/directory/offerpage/{midt.pk}/",
        f"/admin/pages/{midt.pk}/",  # the explorer lists the region's offers
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
    html = admin_client.get(f"/admin/pages/{midt_offers['akut'].pk}/edit/").content.decode()
    assert "en rolle, aldrig en persons navn" in html
    assert "Dato hvor oplysningerne sidst blev tjekket hos tilbuddet." in html
    # One directory per region: none more can be added under the region's page.
    response = admin_client.get(f"/admin/pages/{regions['midtjylland'].pk}/add_subpage/")
    assert "regionaldirectorypage" not in response.content.decode()

    # The region's own division of work, saved through the form.
    response = admin_client.post(
        f"/admin/pages/{midt.pk}/edit/",
        {
            "title": midt.title,
            "slug": midt.slug,
            "intro": "Hvem gør hvad.",
            "coordinator": "Kommunens socialpsykiatri (bostøtten)",
            "division_of_work-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302
    midt.refresh_from_db()
    assert midt.coordinator == "Kommunens socialpsykiatri (bostøtten)"
    assert midt.region.slug == "midtjylland"
