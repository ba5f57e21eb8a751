"""Linking the terms in a section's HTML (glossary/linking.py): no database."""

import re

from glossary.linking import Matcher, link_terms

URL = "/ordliste/"
MATCHER = Matcher(
    [
        ("tovholder", ["Tovholder", "tovholderen", "tovholdere"]),
        ("koordinerende-indsatsplan", ["Koordinerende indsatsplan", "KI-plan"]),
        ("indsatsplan", ["Indsatsplan", "indsatsplanen"]),
        ("rop", ["ROP"]),
        ("misbrug", ["Misbrug"]),
        ("raa", ["rå"]),
    ]
)


def links(html):
    """[(anchor, text)] of the glossary links in `html`, in order."""
    return re.findall(r'<a class="glossary-term" href="/ordliste/#([a-z-]+)">([^<]*)</a>', html)


def linked(html):
    return link_terms(html, MATCHER, URL, "da")


def test_the_first_occurrence_of_each_term_is_linked_and_no_other():
    html = linked(
        "<p>Borgeren får en tovholder.</p><p>Tovholderen og andre tovholdere.</p>"
        "<p>Misbrug og misbrug.</p>"
    )
    assert links(html) == [("tovholder", "tovholder"), ("misbrug", "Misbrug")]
    assert html.startswith(
        '<p>Borgeren får en <a class="glossary-term" href="/ordliste/#tovholder">'
    )


def test_terms_are_whole_words_and_danish_letters_are_letters():
    # "misbrugsbehandling" is another word; so is "råd", though å is not an ASCII letter.
    html = linked("<p>Misbrugsbehandling, et godt råd, og rå kræfter; KI-planens misbrug.</p>")
    assert links(html) == [("raa", "rå"), ("misbrug", "misbrug")]


def test_case_does_not_matter_except_for_abbreviations_in_capitals():
    assert links(linked("<p>TOVHOLDER</p>")) == [("tovholder", "TOVHOLDER")]
    assert links(linked("<p>rop og Rop, så ROP.</p>")) == [("rop", "ROP")]


def test_the_longest_form_wins_and_its_words_may_be_split_by_any_space():
    html = linked(
        "<p>En koordinerende\n   indsatsplan er en indsatsplan.</p><p>KI-plan&nbsp;og mere.</p>"
    )
    assert links(html) == [
        ("koordinerende-indsatsplan", "koordinerende\n   indsatsplan"),
        ("indsatsplan", "indsatsplan"),
    ]
    # Once linked, a term's later occurrences are text, also in another form.
    assert "KI-plan\xa0og" in html or "KI-plan&nbsp;og" in html


def test_no_link_inside_links_headings_code_controls_attributes_or_hidden_text():
    html = linked(
        '<h2>Tovholder</h2><h3 class="x">tovholder</h3>'
        '<p><a href="/x/">tovholder</a> <code>tovholder</code> <button>tovholder</button>'
        '<span class="sr-only">tovholder</span> <span title="tovholder">ord</span>'
        '<span hidden>tovholder</span> <span lang="en">tovholder</span>'
        '<a href="/x/"><b>tovholder</b></a> og til sidst: tovholder.</p>'
        "<details><summary>tovholder</summary><p>ROP</p></details>"
    )
    assert links(html) == [("tovholder", "tovholder"), ("rop", "ROP")]
    assert 'til sidst: <a class="glossary-term" href="/ordliste/#tovholder">tovholder</a>.' in html
    assert '<span title="tovholder">ord</span>' in html


def test_text_around_elements_is_searched_and_kept():
    html = linked("Før <b>fed</b> tovholder efter <i>kursiv</i> hale ROP.")
    assert links(html) == [("tovholder", "tovholder"), ("rop", "ROP")]
    plain = re.sub(r"<[^>]+>", "", html)
    assert plain == "Før fed tovholder efter kursiv hale ROP."


def test_markup_without_a_term_comes_back_as_it_was():
    html = "<p>Ingen ord&nbsp;her &amp; <a href='/x/?a=1&amp;b=2'>ingen</a>.</p>"
    assert linked(html) is html
    only_in_a_link = '<p><a href="/tovholder/">tovholder</a></p>'
    assert linked(only_in_a_link) is only_in_a_link
    assert link_terms(html, Matcher([]), URL) is html


def test_what_the_text_holds_stays_escaped():
    html = linked("<p>&lt;script&gt; tovholder &amp; ROP</p>")
    assert "&lt;script&gt;" in html and "&amp;" in html and "<script>" not in html
