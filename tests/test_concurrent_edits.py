"""Two editors in one page or snippet: the second save of an out-of-date form is refused.

Over HTTP, as two browsers: each opens the edit form (its CSRF token and the
revision it was opened on come from the page), A saves, then B saves the form A's
save has made out of date. B gets the form back with B's changes and a Danish
message linking to A's version; A's change stays. core/edit_conflicts.py.
"""

import html
import re

import pytest
from django.test import Client
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text

from search.models import SynonymGroup

REFUSED = "har gemt en nyere version"


def browser(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


@pytest.fixture
def anne(django_user_model):
    return django_user_model.objects.create_superuser(
        "anne", password="x", first_name="Anne", last_name="Andersen"
    )


@pytest.fixture
def bent(django_user_model):
    return django_user_model.objects.create_superuser(
        "bent", password="x", first_name="Bent", last_name="Berg"
    )


def hidden(response, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', response.content.decode())
    return html.unescape(match.group(1)) if match else None


def open_form(client, url):
    """GET the edit form; what a browser posts back besides the fields."""
    response = client.get(url)
    assert response.status_code == 200
    return {
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        "loaded_revision_id": hidden(response, "loaded_revision_id"),
        "loaded_revision_created_at": hidden(response, "loaded_revision_created_at"),
    }


# --- Pages -------------------------------------------------------------------------


def document_form(document, title, summary, opened):
    return {
        **nested_form_data(
            {
                "title": title,
                "slug": document.slug,
                "document_type": document.document_type,
                "issuers": document.issuers,
                "first_published": document.first_published.isoformat(),
                "summary": summary,
                "intro": rich_text(""),
            }
        ),
        **opened,
    }


@pytest.fixture
def document(national, anne):
    # One saved revision to start from, as any page edited in the admin has.
    national.save_revision(user=anne)
    return national


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def latest_revision(page):
    return type(page).objects.get(pk=page.pk).get_latest_revision()


def test_the_second_save_of_an_out_of_date_page_form_is_refused(document, anne, bent):
    a, b = browser(anne), browser(bent)
    a_opened, b_opened = open_form(a, edit_url(document)), open_form(b, edit_url(document))

    saved = a.post(
        edit_url(document), document_form(document, document.title, "Annes resumé.", a_opened)
    )
    assert saved.status_code == 302
    annes = latest_revision(document)
    assert annes.user == anne

    refused = b.post(
        edit_url(document),
        document_form(document, "Bents nye titel", document.summary, b_opened),
    )
    assert refused.status_code == 200
    page_html = refused.content.decode()
    assert REFUSED in page_html and "Anne Andersen" in page_html
    assert "Dine ændringer er ikke gemt" in page_html
    # A link to A's version, and to what changed since the version B opened.
    assert f"/admin/pages/{document.pk}/revisions/{annes.pk}/view/" in page_html
    assert (
        f"/admin/pages/{document.pk}/revisions/compare/{b_opened['loaded_revision_id']}...{annes.pk}/"
        in page_html
    )
    # B's changes are still in the form; nothing of them was saved.
    assert 'value="Bents nye titel"' in page_html
    latest = latest_revision(document)
    assert latest.pk == annes.pk
    assert latest.as_object().summary == "Annes resumé."
    assert latest.as_object().title == document.title

    # The form now stands on A's version: saving it again is B's deliberate choice,
    # and A's version stays in the history.
    again = b.post(
        edit_url(document),
        document_form(
            document,
            "Bents nye titel",
            "Annes resumé.",
            {
                "csrfmiddlewaretoken": b.cookies["csrftoken"].value,
                "loaded_revision_id": hidden(refused, "loaded_revision_id"),
                "loaded_revision_created_at": hidden(refused, "loaded_revision_created_at"),
            },
        ),
    )
    assert again.status_code == 302
    merged = latest_revision(document).as_object()
    assert (merged.title, merged.summary) == ("Bents nye titel", "Annes resumé.")
    assert Revision.objects.filter(pk=annes.pk).exists()


def test_publishing_an_out_of_date_page_form_is_refused_too(document, anne, bent):
    a, b = browser(anne), browser(bent)
    a_opened, b_opened = open_form(a, edit_url(document)), open_form(b, edit_url(document))
    a.post(edit_url(document), document_form(document, document.title, "Annes resumé.", a_opened))
    data = document_form(document, "Bents titel", document.summary, b_opened)
    response = b.post(edit_url(document), {**data, "action-publish": "action-publish"})
    assert response.status_code == 200 and REFUSED in response.content.decode()
    document.refresh_from_db()
    assert document.title != "Bents titel"
    assert latest_revision(document).as_object().summary == "Annes resumé."


def test_saves_one_after_another_are_not_refused(document, anne):
    a = browser(anne)
    for summary in ("Første.", "Anden."):
        opened = open_form(a, edit_url(document))
        response = a.post(
            edit_url(document), document_form(document, document.title, summary, opened)
        )
        assert response.status_code == 302
        assert latest_revision(document).as_object().summary == summary


def test_reverting_from_an_out_of_date_form_is_refused(document, anne, bent):
    # B opens an old version to revert to it; A saves meanwhile: B's revert would
    # silently replace A's version.
    a, b = browser(anne), browser(bent)
    old = latest_revision(document)
    a.post(
        edit_url(document),
        document_form(document, document.title, "Første.", open_form(a, edit_url(document))),
    )
    revert_url = f"/admin/pages/{document.pk}/revisions/{old.pk}/revert/"
    b_opened = open_form(b, revert_url)
    a.post(
        edit_url(document),
        document_form(document, document.title, "Annes nye.", open_form(a, edit_url(document))),
    )
    annes = latest_revision(document)

    refused = b.post(
        revert_url, document_form(document, document.title, old.as_object().summary, b_opened)
    )
    assert refused.status_code == 200 and REFUSED in refused.content.decode()
    assert latest_revision(document).pk == annes.pk

    # With nobody saving in between, the revert goes through.
    b_opened = open_form(b, revert_url)
    reverted = b.post(
        revert_url, document_form(document, document.title, old.as_object().summary, b_opened)
    )
    assert reverted.status_code == 302
    assert latest_revision(document).as_object().summary == old.as_object().summary


def test_the_editor_is_told_when_someone_saves_a_newer_version(document, anne, bent):
    """Wagtail's concurrent-editing notice: B's open editor pings and learns of A's save."""
    a, b = browser(anne), browser(bent)
    b_page = b.get(edit_url(document))
    ping_url = re.search(r'data-w-swap-src-value="([^"]+)"', b_page.content.decode()).group(1)
    revision_id = hidden(b_page, "revision_id")
    created_at = hidden(b_page, "revision_created_at")

    a.post(
        edit_url(document),
        document_form(document, document.title, "Ny.", open_form(a, edit_url(document))),
    )

    ping = b.post(
        ping_url,
        {
            "csrfmiddlewaretoken": b.cookies["csrftoken"].value,
            "revision_id": revision_id,
            "revision_created_at": created_at,
            "is_editing": "1",
        },
    )
    assert ping.status_code == 200
    notice = ping.json()["html"]
    assert "Anne Andersen" in notice


# --- Snippets ----------------------------------------------------------------------

SNIPPET = "/admin/snippets/sitesearch/synonymgroup/edit/{}/"


@pytest.fixture
def synonyms(anne):
    group = SynonymGroup.objects.create(members="bostøtte\nstøtte i eget hjem")
    group.save_revision(user=anne)
    return group


def test_the_second_save_of_an_out_of_date_snippet_form_is_refused(synonyms, anne, bent):
    url = SNIPPET.format(synonyms.pk)
    a, b = browser(anne), browser(bent)
    a_opened, b_opened = open_form(a, url), open_form(b, url)
    form = {"kind": "synonym", "language": "da"}

    saved = a.post(
        url, {**form, "members": "bostøtte\nstøtte i eget hjem\nhjemmevejledning", **a_opened}
    )
    assert saved.status_code == 302

    refused = b.post(url, {**form, "members": "bostøtte\nbostøttemedarbejder", **b_opened})
    assert refused.status_code == 200
    page_html = refused.content.decode()
    assert REFUSED in page_html and "Anne Andersen" in page_html
    assert "bostøttemedarbejder" in page_html  # B's change, still in the form
    annes = synonyms.revisions.order_by("-pk").first()
    assert f"/revisions/compare/{b_opened['loaded_revision_id']}...{annes.pk}/" in page_html
    synonyms.refresh_from_db()
    assert "hjemmevejledning" in synonyms.members
    assert "bostøttemedarbejder" not in synonyms.members
