"""The shape of the changes feed. Every field has a description (in Danish;
translated when the schema is served)."""

import datetime
from typing import Literal

from django.utils.translation import gettext_noop as describe
from ninja import Field, Schema

ChangeKind = Literal["document", "section", "adaptation", "case", "meeting", "edition"]


class ChangeOut(Schema):
    kind: ChangeKind = Field(
        description=describe(
            "Hvad der er ændret: document, section (et afsnit, med dets anbefalinger), "
            "adaptation (en regional tilpasning), case, meeting (et informationsmøde) "
            "eller edition (en frigivet udgave)."
        )
    )
    id: str = Field(
        description=describe(
            "Objektets faste id, som i resten af API'et (fx dokument/afsnit, dokument/udgave)."
        )
    )
    title: str = Field(description=describe("Titel; for en udgave dokumentets titel og udgaven."))
    time: datetime.datetime = Field(
        description=describe(
            "Hvornår siden blev udgivet, eller udgaven frigivet, på millisekundet. Brug "
            "den nyeste som næste since: et element kan komme med igen, men intet mangler."
        )
    )
    url: str = Field(description=describe("Adressen på siden, som læsere ser den."))
    api_url: str = Field(description=describe("Adressen på samme objekt i API'et."))
