import pytest

from guidelines.factories import RegionalAdaptationPageFactory, entry

from .test_content_format import DOCUMENT, SITE, write


@pytest.fixture
def midtjylland_adaptation(regions, national):
    """Midtjylland supplements 'maalgruppe' and replaces 'opfoelgning'."""
    return RegionalAdaptationPageFactory(
        parent=regions["midtjylland"],
        document=national,
        based_on=national.edition_list[-1],
        title="Model for forløbsprogrammer i Region Midtjylland",
        sections=[
            entry("maalgruppe", text="<p>I Midtjylland også unge fra 16 år.</p>"),
            entry(
                "opfoelgning",
                mode="replaced",
                text="<p>Følg op hvert halve år på det fælles møde.</p>",
                reason="Regionens samarbejdsaftale har kortere interval.",
            ),
        ],
    )


@pytest.fixture
def content(tmp_path):
    """A content folder with a site and one document (test_content_format's SITE
    and DOCUMENT), not yet imported."""
    content = tmp_path / "content"
    content.mkdir()
    write(content, "site.yaml", SITE)
    write(content, "doc.yaml", DOCUMENT)
    return content
