import wagtail_factories

from .models import GlossaryPage


def term(term, anchor, definition="<p>En forklaring.</p>", forms=(), see_also=(), source=""):
    """Raw StreamField data for one term, for GlossaryPageFactory(terms=[...])."""
    return {
        "type": "term",
        "value": {
            "term": term,
            "anchor": anchor,
            "forms": ", ".join(forms),
            "definition": definition,
            "see_also": ", ".join(see_also),
            "source": source,
        },
    }


class GlossaryPageFactory(wagtail_factories.PageFactory):
    """Pass parent=the home page, and terms=[term(...), ...]."""

    title = "Ordliste"
    slug = "ordliste"

    class Meta:
        model = GlossaryPage
