import pytest
from wagtail.models import Locale

from core.i18n import sync_trees
from glossary import terms
from glossary.factories import GlossaryPageFactory, term
from guidelines.factories import (
    GuidanceDocumentPageFactory,
    GuidanceIndexPageFactory,
    GuidanceSectionPageFactory,
    text,
)

DANISH_TERMS = [
    term("Tovholder", "tovholder", forms=["tovholderen", "tovholdere"]),
    term(
        "Koordinerende indsatsplan",
        "koordinerende-indsatsplan",
        forms=["KI-plan", "KI-planen"],
        see_also=["tovholder"],
    ),
    term("Indsatsplan", "indsatsplan", forms=["indsatsplanen"]),
    term("ROP", "rop", definition="<p>Rusmiddelproblemer og psykiske lidelser.</p>"),
]
ENGLISH_TERMS = [
    term("Coordinating contact person", "tovholder", forms=["coordinator"]),
    term("Coordinated action plan", "koordinerende-indsatsplan", forms=["KI-plan"]),
    term("Action plan", "indsatsplan"),
    term("ROP", "rop"),
]


@pytest.fixture(autouse=True)
def _no_terms_kept_from_earlier_tests():
    """The glossary's terms are kept in the process under the page's fingerprint;
    pages built anew in each test can repeat an earlier test's fingerprint."""
    terms.forget()
    yield
    terms.forget()


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translate(page, **values):
    """The page's English translation, with `values`, published."""
    translation = page.specific.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    for name, value in values.items():
        setattr(translation, name, value)
    return publish(translation)


@pytest.fixture
def glossary(home):
    """The Danish glossary, published, with four terms."""
    return publish(GlossaryPageFactory(parent=home, terms=DANISH_TERMS))


@pytest.fixture
def document(home):
    index = GuidanceIndexPageFactory(parent=home)
    return GuidanceDocumentPageFactory(parent=index, slug="model", title="Model")


@pytest.fixture
def section(document):
    """A section whose text names the terms, some of them twice."""
    return publish(
        GuidanceSectionPageFactory(
            parent=document,
            slug="samarbejde",
            title="Samarbejde",
            number="1",
            body=[
                text(
                    "<h2>Tovholderen</h2>"
                    "<p>Borgeren får en tovholder. Tovholderen holder overblik.</p>"
                    '<p>Se <a href="/andet/">indsatsplanen</a> og KI-planen: den '
                    "koordinerende indsatsplan er en indsatsplan.</p>"
                    "<p>Målgruppen er ROP, ikke rop.</p>"
                )
            ],
        )
    )


@pytest.fixture
def english(home, glossary, document, section):
    """The English home, document, glossary and section (translated), and a second
    Danish section left untranslated (an alias under /en/)."""
    untranslated = publish(
        GuidanceSectionPageFactory(
            parent=document,
            slug="ikke-oversat",
            title="Ikke oversat",
            number="2",
            body=[text("<p>Her står tovholder på dansk.</p>")],
        )
    )
    translate(home, title="Home")
    translate(document.get_parent(), title="Guidance")
    translate(document, title="Model (English)")
    glossary_en = translate(glossary, title="Glossary", terms=ENGLISH_TERMS)
    section_en = translate(
        section,
        title="Cooperation",
        body=[text("<p>The citizen gets a coordinator. The coordinator keeps track.</p>")],
    )
    sync_trees()
    return {"glossary": glossary_en, "section": section_en, "untranslated": untranslated}
