"""Pages and documents behind a password: the form in the site's layout, in Danish,
and a limit on each client's tries, so a password cannot be guessed over HTTP."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from guidelines.factories import GuidanceDocumentPageFactory

PASSWORD = "rigtig-kode"


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    settings.PASSWORD_TRIES_PER_HOUR = 5
    cache.clear()  # the tries are counted in the cache
    yield
    cache.clear()


@pytest.fixture
def private_page(guidance_index):
    page = GuidanceDocumentPageFactory(parent=guidance_index, slug="lukket", title="Lukket")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


def form_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    return page, page.find("form", class_="password-form")


def post(client, form, password, path):
    return client.post(
        form["action"],
        {
            "password": password,
            "return_url": path,
            "csrfmiddlewaretoken": form.find("input", attrs={"name": "csrfmiddlewaretoken"})[
                "value"
            ],
        },
    )


def test_the_password_form_is_in_the_sites_layout_and_the_right_password_opens(private_page):
    page, _restriction = private_page
    client = Client(enforce_csrf_checks=True)
    html, form = form_of(client.get(page.url))
    assert html.find("h1").get_text() == "Adgangskode påkrævet"
    assert html.find("label", attrs={"for": form.find("input", type="password")["id"]})
    assert html.find("footer")  # the site's own page, not Wagtail's bare one
    wrong = post(client, form, "forkert", page.url)
    assert wrong.status_code == 200
    assert form_of(wrong)[1].find(attrs={"aria-invalid": "true"})
    right = post(client, form, PASSWORD, page.url)
    assert right.status_code == 302 and right["Location"] == page.url
    assert "Lukket" in client.get(page.url).content.decode()


def test_past_the_limit_even_the_right_password_is_refused_with_429(private_page):
    page, _restriction = private_page
    client = Client(enforce_csrf_checks=True)
    _html, form = form_of(client.get(page.url))
    for _ in range(5):
        assert post(client, form, "gæt", page.url).status_code == 200
    refused = post(client, form, PASSWORD, page.url)
    assert refused.status_code == 429
    html, refused_form = form_of(refused)
    assert "For mange forsøg" in html.find(role="alert").get_text()
    assert refused_form.find("input", attrs={"name": "return_url"})["value"] == page.url
    assert client.get(page.url).status_code == 200  # still the form, not the page
    assert form_of(client.get(page.url))[1] is not None
    # Another client is not held back by this one's tries.
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.0.0.9")
    _html, form = form_of(other.get(page.url))
    assert post(other, form, PASSWORD, page.url).status_code == 302


def test_a_document_collections_password_has_the_same_limit(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Lukket samling")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = get_document_model().objects.create(
        title="Notat", collection=collection, file=ContentFile(b"notat", name="notat.txt")
    )
    client = Client(enforce_csrf_checks=True)
    html, form = form_of(client.get(document.url))
    assert html.find("h1").get_text() == "Adgangskode påkrævet"
    for _ in range(5):
        assert post(client, form, "gæt", document.url).status_code == 200
    assert post(client, form, PASSWORD, document.url).status_code == 429
    cache.clear()  # an hour later
    assert post(client, form, PASSWORD, document.url).status_code == 302
    assert client.get(document.url).status_code == 200
