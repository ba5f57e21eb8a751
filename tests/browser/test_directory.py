"""“Hvem gør hvad” in a real browser, on a phone (390 px): a reader picks a
municipality with the labelled select and gets its offers; no page scrolls
sideways; axe finds nothing; the matrix's actors lead to the region's offers."""

import pytest

from tests.browser.conftest import AXE_JS, missing_requirement
from tests.browser.test_accessibility import AXE_TAGS, RUN_AXE, format_violations, visit

if reason := missing_requirement():
    pytest.skip(reason, allow_module_level=True)

pytestmark = pytest.mark.django_db

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="da-DK", viewport=PHONE, device_scale_factor=3)
    yield context.new_page()
    context.close()


def check(page):
    """No sideways scrolling, and axe-clean."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (page.url, width)
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "contrast": True})
    assert not violations, format_violations(page.url, violations)


def test_a_reader_picks_a_municipality_on_a_phone(site_url, phone):
    visit(phone, site_url + "/hvem-goer-hvad/")
    check(phone)
    phone.get_by_label("Kommune").select_option(label="Randers")
    phone.get_by_role("button", name="Vis tilbud").click()
    phone.wait_for_load_state()
    assert phone.url == site_url + "/hvem-goer-hvad/randers/"
    headings = phone.locator("section.offer-group h3").all_inner_texts()
    assert headings[:3] == [
        "Psykiatrisk ambulatorium",
        "Kommunens socialpsykiatri",
        "Misbrugsbehandling",
    ]
    assert phone.get_by_role("link", name="Misbrugsbehandlingen i Randers (demo)").is_visible()
    check(phone)

    # Without a choice: the form says so, next to the field.
    visit(phone, site_url + "/hvem-goer-hvad/")
    phone.get_by_role("button", name="Vis tilbud").click()
    phone.wait_for_load_state()
    assert "Vælg en kommune." in phone.locator(".form-error-message").inner_text()
    check(phone)


@pytest.mark.parametrize(
    "path",
    [
        "/regioner/midtjylland/hvem-goer-hvad/",
        "/regioner/midtjylland/hvem-goer-hvad/?aktoer=misbrug",
        "/regioner/midtjylland/hvem-goer-hvad/misbrugsbehandling-randers/",
        "/en/hvem-goer-hvad/randers/",
    ],
)
def test_the_directory_pages_fit_a_phone(site_url, phone, path):
    visit(phone, site_url + path)
    check(phone)


def test_the_regions_matrix_leads_to_the_offers_behind_an_actor(site_url, phone):
    visit(phone, site_url + "/regioner/midtjylland/hvem-goer-hvad/")
    phone.get_by_role(
        "link", name="Hvem er det i din kommune? (Kommune/misbrugsbehandling)"
    ).click()
    phone.wait_for_load_state()
    assert phone.url.endswith("/regioner/midtjylland/hvem-goer-hvad/?aktoer=misbrug")
    assert phone.locator("section.offer-group h3").all_inner_texts() == ["Misbrugsbehandling"]
