"""Which kind of offer an actor of a responsibility matrix means."""

import pytest

from directory.kinds import ActorKind, kind_for_actor


def test_the_kinds_come_in_the_order_the_directory_lists_them():
    assert ActorKind.values == [
        "psykiatri",
        "socialpsykiatri",
        "misbrug",
        "akut",
        "laegevagt",
        "foreninger",
    ]
    assert ActorKind.PSYCHIATRY.label == "Psykiatrisk ambulatorium"


@pytest.mark.parametrize(
    "label, kind",
    [
        # The Danish demo matrices' actors.
        ("Region/psykiatrien", "psykiatri"),
        ("Kommune/socialpsykiatri", "socialpsykiatri"),
        ("Kommune/misbrugsbehandling", "misbrug"),
        ("Almen praksis", "laegevagt"),
        ("Borgeren", None),
        # Their English translations.
        ("Region/psychiatry", "psykiatri"),
        ("Municipality/social psychiatry", "socialpsykiatri"),
        ("Municipality/substance misuse treatment", "misbrug"),
        ("General practice", "laegevagt"),
        ("The citizen", None),
        # Other ways of naming them.
        ("Socialpsykiatrisk bostøtte", "socialpsykiatri"),
        ("Kommunens bostøtte", "socialpsykiatri"),
        ("Rusmiddelcenter", "misbrug"),
        ("Addiction services", "misbrug"),
        ("Egen læge", "laegevagt"),
        ("Lægevagten", "laegevagt"),
        ("Praktiserende læge", "laegevagt"),
        ("GP", "laegevagt"),
        ("Akutteam", "akut"),
        ("Psykiatrisk akutmodtagelse", "akut"),
        ("Acute services", "akut"),
        ("Pårørendeforening", "foreninger"),
        ("Bruger- og pårørendeforeninger", "foreninger"),
        ("Relatives' organisations", "foreninger"),
        ("  REGION/PSYKIATRIEN ", "psykiatri"),
        # No offer behind these.
        ("Kommune", None),
        ("Jobcenter", None),
        ("", None),
        (None, None),
    ],
)
def test_kind_for_actor(label, kind):
    assert kind_for_actor(label) == kind
