"""Rich text from content files is cleaned by nh3 with the editor's own allow-list.

Every payload below comes out of the sanitiser harmless, and an import holding
one is refused (nothing stored); plain markup that the editor stores is kept.
"""

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from wagtail.models import Page, Revision

from core.content import ContentError, import_content
from core.content.richtext import allow_list, clean, rich_text_problem
from guidelines.models import GuidanceDocumentPage
from tests.guidelines.test_content_format import DOCUMENT, SITE, write

# The features of a section's rich text block and of a document's introduction.
BLOCK_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
INTRO_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]

PAYLOADS = {
    # The comment-parsing tricks: an HTML5 parser ends these comments early.
    "empty comment <!-->": "<!--><img src=x onerror=alert(1)>-->",
    "comment <!--->": "<!---><img src=x onerror=alert(1)>-->",
    "comment closed by --!>": "<!-- --!><img src=x onerror=alert(1)>-->",
    "nested comments": "<!-- <!-- --><img src=x onerror=alert(1)> -->",
    "comment in an attribute": '<p title="<!--"><img src=x onerror=alert(1)>-->"</p>',
    "bogus comment <!>": "<!><img src=x onerror=alert(1)>",
    "processing instruction": "<?xml foo><img src=x onerror=alert(1)>?>",
    "CDATA": "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "CDATA in svg": "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>",
    "style in svg": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "style in math": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "noscript": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "script": "<p>Hej<script>alert(1)</script></p>",
    "script split by a null": "<scr\x00ipt>alert(1)</script>",
    "uppercase script": "<SCRIPT SRC=//example.org/x.js></SCRIPT>",
    "event handler on an allowed tag": '<p onclick="alert(1)">Hej</p>',
    "event handler with odd quoting": "<b/onmouseover=alert(1)>x</b>",
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "javascript link with entities": '<a href="jav&#x61;script&#58;alert(1)">x</a>',
    "javascript link with a tab": '<a href="java\tscript:alert(1)">x</a>',
    "javascript link in capitals": '<a href="JAVASCRIPT:alert(1)">x</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">x</a>',
    "data link": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "iframe": '<iframe src="https://example.org"></iframe>',
    "object": '<object data="x.swf"></object>',
    "form": '<form action="https://example.org"><button>Send</button></form>',
    "style attribute": '<p style="background:url(javascript:alert(1))">x</p>',
    "unclosed tag swallowing the rest": "<img src=x onerror=alert(1)//<p>x</p>",
    "template": "<template><img src=x onerror=alert(1)></template>",
    "base tag": '<base href="javascript:alert(1)//">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "unknown link type": '<a linktype="javascript" id="1">x</a>',
}

SAFE_TAGS = {"p", "br", "h2", "h3", "b", "strong", "i", "em", "ol", "ul", "li", "a"}
SAFE_ATTRIBUTES = {"href", "id", "linktype", "data-block-key"}
SAFE_HREF = re.compile(r"^(https?:|mailto:|tel:|/|#|[^:]*$)", re.IGNORECASE)


def harms(html):
    """What in `html` could run script, as a browser would parse it: any element
    outside the editor's, an event handler or other attribute, or a link to a
    script URL (written with tabs or control characters or not)."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name not in SAFE_TAGS:
            found.append(f"<{tag.name}>")
        found.extend(f"{tag.name}[{name}]" for name in tag.attrs if name not in SAFE_ATTRIBUTES)
        href = re.sub(r"[\x00-\x20]", "", tag.attrs.get("href", ""))
        if not SAFE_HREF.match(href):
            found.append(f"href={href}")
        if tag.attrs.get("linktype", "page") not in ("page", "document"):
            found.append(f"linktype={tag['linktype']}")
    return found


@pytest.mark.parametrize("name", PAYLOADS)
def test_every_payload_comes_out_harmless(name):
    cleaned = clean(PAYLOADS[name], BLOCK_FEATURES)
    assert harms(cleaned) == [], cleaned
    assert "<script" not in cleaned.lower() and "javascript:" not in cleaned.lower()


def test_the_harm_check_finds_harm():
    """The check above would fail on what the payloads are before cleaning."""
    assert harms(PAYLOADS["script"]) == ["<script>"]
    assert harms(PAYLOADS["event handler on an allowed tag"]) == ["p[onclick]"]
    assert harms(PAYLOADS["javascript link with a tab"]) == ["href=javascript:alert(1)"]
    assert harms(PAYLOADS["unknown link type"]) == ["linktype=javascript"]


@pytest.mark.parametrize("name", PAYLOADS)
def test_an_import_holding_a_payload_is_refused_and_nothing_is_stored(db, tmp_path, name):
    import_content(write(tmp_path, "site.yaml", SITE))
    before = (list(Page.objects.values_list("pk", flat=True)), Revision.objects.count())
    document = yaml.safe_load(DOCUMENT)
    document["documents"][0]["intro"] = PAYLOADS[name]
    bad = tmp_path / "doc.json"  # JSON carries every payload, a NUL character too
    bad.write_text(json.dumps(document, default=str), encoding="utf-8")
    with pytest.raises(ContentError, match="som editoren ikke kan gemme") as caught:
        import_content(bad)
    assert caught.value.field == "intro" and "documents[0] (proeve)" in caught.value.item
    assert (list(Page.objects.values_list("pk", flat=True)), Revision.objects.count()) == before


# What the page editor (Draftail) stores: block keys, external and internal links.
EDITOR_HTML = [
    '<h2 data-block-key="0qo50">Over</h2><p data-block-key="tzmmy">Tekst med <b>fed</b>, '
    "<i>kursiv</i> &amp; \"citat\" 'x' &lt;tag&gt; og<br>linjeskift og "
    '<a href="https://example.org/?a=1&amp;b=2">link</a>.</p>',
    '<ul><li data-block-key="hg562">et</li><li data-block-key="tg1ap">to</li></ul>'
    '<ol><li data-block-key="61j2y">a</li></ol>',
    '<p data-block-key="a1">Se <a id="3" linktype="page">siden</a>, '
    '<a id="7" linktype="document">bilaget</a>, <a href="mailto:x@example.org">mail</a>, '
    '<a href="/vejledninger/">en sti</a> og <a href="#afsnit">et anker</a>.</p>',
    "<p>æøå – ™ &nbsp;x</p>",
]


@pytest.mark.parametrize("html", EDITOR_HTML)
def test_what_the_editor_stores_is_kept(html):
    assert clean(html, BLOCK_FEATURES) == html
    assert rich_text_problem(html, BLOCK_FEATURES) is None


def test_the_editors_own_serialisation_is_accepted_and_normalised():
    """Draftail writes <br/> and a raw no-break space; nh3 writes <br> and &nbsp;."""
    html = '<p data-block-key="k">a<br/>b\u00a0c</p>'
    assert rich_text_problem(html, BLOCK_FEATURES) is None
    assert clean(html, BLOCK_FEATURES) == '<p data-block-key="k">a<br>b&nbsp;c</p>'


def test_the_allow_list_is_the_fields_features():
    """A heading the field's editor has no button for is refused, and a document
    link only where the field has the document-link feature."""
    assert rich_text_problem("<h2>x</h2>", ["bold"]) is not None
    document_link = '<a id="7" linktype="document">x</a>'
    assert rich_text_problem(document_link, BLOCK_FEATURES) is None
    assert rich_text_problem(document_link, INTRO_FEATURES) is not None
    assert allow_list(tuple(INTRO_FEATURES))["tags"] == {
        "p", "br", "h2", "h3", "b", "strong", "i", "em", "ol", "ul", "li", "a",
    }  # fmt: skip


def test_an_admin_saved_intro_imports_as_the_editor_stored_it(db, tmp_path):
    import_content(write(tmp_path, "site.yaml", SITE))
    intro = '<p data-block-key="x1">Et <a href="https://example.org">link</a>.</p>'
    import_content(
        write(
            tmp_path,
            "doc.yaml",
            DOCUMENT.replace(
                "    summary: Et kort resumé.\n", f"    summary: x\n    intro: '{intro}'\n"
            ),
        )
    )
    assert GuidanceDocumentPage.objects.get(slug="proeve").intro == intro
