"""Export is a backup of a site edited through the admin.

The demo, with a page of every type saved through Wagtail's admin over HTTP (its
forms, with CSRF), one newer draft, one scheduled version, a page that was
never published, a view restriction and a lock: its export imports into an
empty database and exports to identical files, and the same pages are live.
"""

import filecmp
from pathlib import Path

import pytest
from django.test import Client
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text

from core.content import export_content, import_content
from core.i18n import sync_trees
from tests.conftest import empty_site

SCHEDULED_AT = "2099-05-01 10:00"


@pytest.fixture
def admin(demo_site, django_user_model):
    user = django_user_model.objects.create_superuser("redaktoer", "r@example.org", "kodeord")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def block_form(block, value):
    """A block value as the StreamField editor's JavaScript posts it."""
    if isinstance(block, blocks.StreamBlock):
        children = {
            str(i): {
                "type": child.block_type,
                "value": block_form(child.block, child.value),
                "id": child.id,
                "deleted": "",
                "order": str(i),
            }
            for i, child in enumerate(value)
        }
        return {"count": str(len(children)), **children}
    if isinstance(block, blocks.ListBlock):
        children = {
            str(i): {
                "value": block_form(block.child_block, child.value),
                "id": child.id,
                "deleted": "",
                "order": str(i),
            }
            for i, child in enumerate(value.bound_blocks)
        }
        return {"count": str(len(children)), **children}
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_form(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source, features=block.features)
    return "" if value is None else str(value)


def form_data(client, url, page=None):
    """The admin form at `url` as a browser submits it untouched, with its CSRF
    token; StreamFields as the editor's JavaScript fills them in."""
    response = client.get(url)
    assert response.status_code == 200, url
    data = querydict_from_html(
        response.content.decode(), form_id="page-edit-form", exclude_csrf=False
    )
    assert data["csrfmiddlewaretoken"]
    for field in type(page)._meta.get_fields() if page is not None else ():
        if isinstance(field, StreamField):
            nested = nested_form_data(
                {field.name: block_form(field.stream_block, getattr(page, field.name))}
            )
            for key, value in nested.items():
                data[key] = value
    return data


def post(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, (
        url,
        response.context and response.context.get("form").errors,
    )
    return response


def save(client, page, publish=True, **changes):
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(client, url, page)
    for name, value in changes.items():
        data[name] = value
    if publish:
        data["action-publish"] = "action-publish"
    return post(client, url, data)


def csrf(client):
    return {"csrfmiddlewaretoken": client.cookies["csrftoken"].value}


def live_pages():
    return sorted(Page.objects.live().values_list("locale__language_code", "url_path"))


def one_of_each_type():
    for model in get_page_models():
        if model.is_creatable:
            page = model.objects.filter(locale__language_code="da").order_by("path").first()
            assert page is not None, model.__name__
            yield page.specific


def test_a_site_edited_in_the_admin_round_trips_through_export_and_import(
    admin, demo_site, tmp_path
):
    saved = []
    for page in one_of_each_type():
        name = type(page).__name__
        if name == "RegionalAdaptationPage":  # a newer draft of a live page
            save(admin, page, publish=False, title=page.title + " (kladde)")
        elif name == "CasePage":  # a new version approved for publishing later
            save(admin, page, title=page.title + " (planlagt)", go_live_at=SCHEDULED_AT)
        elif name == "StandardPage":
            save(admin, page, seo_title="Om os", search_description="Kort om platformen.")
        else:
            save(admin, page)
        saved.append(type(page).objects.get(pk=page.pk))

    # A page that was never published: a draft made in the admin's "add" form.
    home = demo_site
    add = f"/admin/pages/add/home/standardpage/{home.pk}/"
    data = form_data(admin, add)
    data.update({"title": "Udkast til ny side", "slug": "udkast"})
    post(admin, add, data)

    # Privacy and a lock, set as the admin sets them.
    private = saved[0].get_children().first()
    response = admin.post(
        f"/admin/pages/{private.pk}/privacy/",
        {"restriction_type": "password", "password": "hemmelig", **csrf(admin)},
    )
    assert response.status_code == 200 and b'"step": "set_privacy_done"' in response.content
    locked = saved[-1]
    assert admin.post(f"/admin/pages/{locked.pk}/lock/", csrf(admin)).status_code == 302

    by_type = {type(page).__name__: type(page).objects.get(pk=page.pk) for page in saved}
    adaptation, case = by_type["RegionalAdaptationPage"], by_type["CasePage"]
    assert adaptation.live and adaptation.has_unpublished_changes
    assert case.live and case.approved_schedule and not case.title.endswith("(planlagt)")
    draft = Page.objects.get(slug="udkast", locale__language_code="da")
    assert not draft.live
    # What the admin stores: Draftail's block keys in the rich text.
    assert "data-block-key" in by_type["GuidanceSectionPage"].body.raw_data[0]["value"].__str__()

    live_before = live_pages()
    export_content(tmp_path / "one")
    exported = "".join(p.read_text() for p in sorted((tmp_path / "one").rglob("*.yaml")))
    for state in (
        "data-block-key",
        "\n  draft:",
        "scheduled:",
        "live: false",
        "privacy:",
        "locked:",
    ):
        assert state in exported, state

    empty_site()
    assert not Page.objects.filter(depth__gt=1).exists()
    import_content(tmp_path / "one")
    export_content(tmp_path / "two")

    one, two = tmp_path / "one", tmp_path / "two"
    files = sorted(str(p.relative_to(one)) for p in one.rglob("*.yaml"))
    assert files == sorted(str(p.relative_to(two)) for p in two.rglob("*.yaml"))
    match, mismatch, errors = filecmp.cmpfiles(one, two, files, shallow=False)
    assert (mismatch, errors) == ([], []), first_difference(one, two, mismatch)

    # The same pages are live (the English aliases are made again by synchronising).
    sync_trees()
    assert live_pages() == live_before
    assert not Page.objects.get(slug="udkast", locale__language_code="da").live
    imported = type(adaptation).objects.get(url_path=adaptation.url_path, locale=adaptation.locale)
    assert imported.live and imported.has_unpublished_changes
    assert imported.title == adaptation.title  # the draft's title is not published
    assert Page.objects.get(url_path=case.url_path, locale=case.locale).approved_schedule


def first_difference(one, two, names):
    for name in names:
        a = (Path(one) / name).read_text().splitlines()
        b = (Path(two) / name).read_text().splitlines()
        for number, (x, y) in enumerate(zip(a, b, strict=False), start=1):
            if x != y:
                return f"{name}:{number}: {x!r} != {y!r}"
        return f"{name}: {len(a)} != {len(b)} lines"
    return ""
