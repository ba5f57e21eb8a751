"""Reading a section on a phone and at 200 % zoom: the text comes first, and the
document's contents are one keyboard-operable disclosure away (issue 17, item 1)."""

import pytest

from tests.browser.conftest import AXE_JS
from tests.browser.test_accessibility import (
    AXE_TAGS,
    DOCUMENT,
    RUN_AXE,
    format_violations,
    visit,
)

pytestmark = pytest.mark.django_db

SECTION = DOCUMENT + "faelles-udredning/"

# A phone, and 1280 × 900 at 200 % zoom (what the page lays out in: 640 × 450 CSS px).
NARROW = [
    pytest.param({"width": 390, "height": 844}, 3, id="phone-390"),
    pytest.param({"width": 640, "height": 450}, 2, id="1280x900-at-200pct"),
]


@pytest.mark.parametrize(("viewport", "scale"), NARROW)
def test_the_sections_text_is_on_the_first_screen(site_url, browser, viewport, scale):
    context = browser.new_context(locale="da-DK", viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    try:
        visit(page, site_url + SECTION)
        first = page.locator("article.section h1 ~ p, article.section h1 ~ * p").first
        box = first.bounding_box()
        assert box is not None and box["y"] < viewport["height"], (box, viewport)
        assert not page.locator("details.document-nav").evaluate("d => d.open")
        assert not page.locator("nav.toc").is_visible()

        # The contents open and close from the keyboard.
        page.locator("details.document-nav > summary").focus()
        page.keyboard.press("Enter")
        assert page.locator("nav.toc").is_visible()
        assert page.locator("#search-within-q").is_visible()
        page.keyboard.press("Enter")
        assert not page.locator("nav.toc").is_visible()

        # axe finds nothing at this size, with the contents closed and open.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        for _state in ("closed", "open"):
            violations = page.evaluate(RUN_AXE, {"tags": AXE_TAGS, "contrast": True})
            assert not violations, format_violations(page.url, violations)
            page.locator("details.document-nav > summary").click()
    finally:
        context.close()


def test_on_a_wide_screen_the_contents_stand_open_beside_the_text(site_url, page):
    visit(page, site_url + SECTION)
    assert page.locator("nav.toc").is_visible()
    assert not page.locator("details.document-nav > summary").is_visible()
    toc, text = (
        page.locator("nav.toc").bounding_box(),
        page.locator("article.section").bounding_box(),
    )
    assert toc["x"] + toc["width"] <= text["x"]  # beside, not above


@pytest.mark.parametrize("zoom", [2, 4])
def test_the_coverage_table_scrolls_in_its_own_box_at_zoom(site_url, browser, zoom):
    """1280 × 900 at 200 % and 400 %: the page never scrolls sideways; the wide table does,
    inside its box (WCAG 1.4.10 Reflow allows that for a data table)."""
    viewport = {"width": 1280 // zoom, "height": 900 // zoom}
    context = browser.new_context(locale="da-DK", viewport=viewport, device_scale_factor=zoom)
    page = context.new_page()
    try:
        visit(page, site_url + "/casebog/daekning/")
        page_width = page.evaluate("() => document.documentElement.scrollWidth")
        assert page_width <= viewport["width"], (page_width, viewport)
        box = page.locator(".coverage").first
        assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls there
    finally:
        context.close()
