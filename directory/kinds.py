"""The actors of the responsibility matrix, as kinds of offers in the directory.

A matrix names its actors in free text ("Region/psykiatrien", "Kommune/socialpsykiatri",
"Almen praksis"), in Danish or English; `kind_for_actor` reads which kind of offer an
actor label means, so that the matrix can link each actor to the offers behind it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActorKind(models.TextChoices):
    """In the order the directory lists them."""

    PSYCHIATRY = "psykiatri", _("Psykiatrisk ambulatorium")
    SOCIAL_PSYCHIATRY = "socialpsykiatri", _("Kommunens socialpsykiatri")
    SUBSTANCE = "misbrug", _("Misbrugsbehandling")
    ACUTE = "akut", _("Akutte tilbud")
    GP = "laegevagt", _("Egen læge og lægevagt")
    ORGANISATIONS = "foreninger", _("Bruger- og pårørendeforeninger")


# Keywords in an actor label, lower-cased, in the order they are tried: the more
# specific first ("socialpsykiatri" before "psykiatri", an organisation of relatives
# before "bruger" alone would match a user of a service).
KEYWORDS = [
    (ActorKind.SOCIAL_PSYCHIATRY, ("socialpsykiatri", "social psychiatry", "bostøtte")),
    (
        ActorKind.ORGANISATIONS,
        ("pårørende", "brugerforening", "brugerorg", "relatives", "user organisation"),
    ),
    (
        ActorKind.SUBSTANCE,
        ("misbrug", "rusmiddel", "substance", "addiction", "alkohol", "alcohol"),
    ),
    (ActorKind.ACUTE, ("akut", "acute", "crisis")),
    (
        ActorKind.GP,
        ("almen praksis", "egen læge", "praktiserende", "lægevagt", "general practi", "gp"),
    ),
    (ActorKind.PSYCHIATRY, ("psykiatri", "psychiatr")),
]
# The citizen is an actor of the matrix but no offer.
NOT_AN_OFFER = ("borger", "citizen", "patient")


def kind_for_actor(label):
    """The ActorKind value an actor label of a responsibility matrix means, or None
    ("Kommune/misbrugsbehandling" -> "misbrug"; "Borgeren" -> None)."""
    text = " ".join(str(label or "").lower().split())
    if not text or any(word in text for word in NOT_AN_OFFER):
        return None
    words = set(text.replace("/", " ").replace(",", " ").split())
    for kind, keywords in KEYWORDS:
        for keyword in keywords:
            # Short keywords ("gp") only as a word of their own.
            if (keyword in words) if len(keyword) <= 3 else (keyword in text):
                return kind.value
    return None
