"""Search in a real browser: suggestions from the keyboard, and the form without JavaScript."""

import pytest

from tests.browser.conftest import AXE_JS, missing_requirement

if reason := missing_requirement():
    pytest.skip(reason, allow_module_level=True)

# Each test in a transaction of its own (rolled back) on top of the demo that site_url
# has committed for the whole package.
pytestmark = pytest.mark.django_db


def test_suggestions_open_from_the_keyboard_and_lead_to_the_page(site_url, page):
    page.goto(site_url + "/")
    box = page.locator("#site-search-q")
    box.click()
    box.press_sequentially("tovh", delay=40)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    labels = listbox.locator("[role=option]").all_inner_texts()
    assert any("Tovholder" in label or "tovholder" in label for label in labels), labels

    # The open list passes axe (combobox and listbox roles, names, states).
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            rules: {"color-contrast": {enabled: false}}})).violations.map((v) => v.id)"""
    )
    assert violations == []

    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    option = page.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    target = option.get_attribute("data-url")
    box.press("Enter")
    page.wait_for_url(site_url + target)

    page.goto(site_url + "/")
    page.locator("#site-search-q").press_sequentially("tovh", delay=40)
    page.locator("#site-search-q").press("Escape")
    assert page.locator("#site-search-q").get_attribute("aria-expanded") == "false"


def test_search_works_without_javascript(site_url, browser):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(site_url + "/vejledninger/dobbeltdiagnose/")
        page.fill("#search-within-q", "tovholder")
        page.locator("form.search-within button").click()
        page.wait_for_url("**/soeg/?**")
        assert "dokument=dobbeltdiagnose" in page.url
        assert page.locator(".search-result").count() > 0
        # Facets are a plain form too.
        page.locator("form.facets input[name=type][value=anbefaling]").check()
        page.locator("form.facets button[type=submit]").click()
        page.wait_for_url("**type=anbefaling**")
        kinds = set(page.locator(".search-result .tag").all_inner_texts())
        assert kinds == {"Anbefaling"}
    finally:
        context.close()
