"""No admin URL answers with a server error, whatever ids and parameters it gets.

Walks every URL pattern the project and Wagtail register under /admin/ (and Django's
admin under /django-admin/) and fills each path parameter three ways: ids that do
not exist and words where numbers belong; ids that exist but may be of the wrong
kind ("1": the root page, the first user, ...); the id of a real page. It adds junk
query parameters and asks as a superuser, who passes every permission check, so each
view gets as far as its parameters let it. Any 5xx fails. The fixes are in
core/wagtail_fixes.py; the tests under "Known cases" pin the ones first found.
"""

import pytest
from django.test import Client
from wagtail.models import Page

from .admin_urls import admin_paths
from .admin_urls import numbers_and_words as fill

QUERIES = [
    "?id=abc",
    "?id=1&id=abc&id=999999",
    "?p=abc&page=-1&ordering=abc&sort=abc&q=%00",
    "?parent_page_id=abc&page_type=abc&locale=xx&next=//elsewhere.example",
]


@pytest.fixture
def superuser_client(django_user_model):
    client = Client(raise_request_exception=False)
    client.force_login(django_user_model.objects.create_superuser("walker", password="x"))
    return client


def test_no_admin_url_answers_a_server_error(demo_site, superuser_client):
    page = Page.objects.filter(depth__gt=3, live=True).order_by("pk").first()
    missing = admin_paths(fill("999999", "abc"))
    existing = admin_paths(fill("1", "999999"), fill(str(page.pk), str(page.pk)))
    assert len(missing) > 250  # the walk found Wagtail's URLs, not just a few
    requests = [("get", path) for path in missing + existing]
    requests += [("get", path + query) for path in missing for query in QUERIES]
    requests += [("post", path) for path in missing]
    errors = []
    for method, path in requests:
        response = getattr(superuser_client, method)(
            path, **({"data": {}} if method == "post" else {})
        )
        if response.status_code >= 500:
            errors.append(f"{method.upper()} {path}: {response.status_code}")
    assert not errors, "\n".join(errors)


def test_no_admin_url_answers_a_server_error_to_a_visitor(regions):
    visitor = Client(raise_request_exception=False)
    errors = [
        f"GET {path}: {status}"
        for path in admin_paths(fill("999999", "abc"), fill("1", "999999"))
        if (status := visitor.get(path + "?id=1").status_code) >= 500
    ]
    assert not errors, "\n".join(errors)


def test_the_page_chooser_answers_only_to_editors(regions):
    # Our own route for it (site/urls.py) once named pages to anyone who asked.
    response = Client().get(
        "/admin/choose-page/chosen-multiple/", {"id": regions["midtjylland"].pk}
    )
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# --- Known cases ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path, status",
    [
        # The root page cannot be chosen; it answered 500 (no parent to name).
        ("/admin/choose-page/chosen-multiple/?id=1", 200),
        ("/admin/snippets/choose/guidelines/region/chosen/abc/", 404),
        ("/admin/documents/chooser/chosen/abc/", 404),
        ("/admin/snippets/choose/guidelines/region/chosen-multiple/?id=abc", 200),
        ("/admin/choose-external-link/?parent_page_id=abc", 200),
        ("/admin/api/main/pages/find/?id=abc", 400),
        ("/admin/snippets/sitesearch/synonymgroup/history/abc/revisions/compare/1...2/", 404),
    ],
)
def test_bad_ids_that_once_gave_500(regions, superuser_client, path, status):
    assert superuser_client.get(path).status_code == status


def test_chosen_multiple_still_answers_the_good_ids_among_bad(regions, superuser_client):
    region = regions["midtjylland"]
    url = "/admin/snippets/choose/guidelines/region/chosen-multiple/"
    response = superuser_client.get(url, {"id": ["abc", str(region.region.pk), "1.5"]})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["result"]] == [str(region.region.pk)]
    pages = superuser_client.get(
        "/admin/choose-page/chosen-multiple/", {"id": ["1", str(region.pk)]}
    )
    assert [item["id"] for item in pages.json()["result"]] == [region.pk]


def test_a_workflow_with_a_bad_page_number_shows_its_first_page(regions, superuser_client):
    from wagtail.models import Workflow

    workflow = Workflow.objects.create(name="Godkendelse")
    response = superuser_client.get(f"/admin/workflows/edit/{workflow.pk}/?p=abc")
    assert response.status_code == 200
