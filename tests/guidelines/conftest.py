import pytest

from guidelines.factories import RegionalAdaptationPageFactory, entry


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
