"""The shapes of regions and their adaptations of the national documents. Every
field has a description (in Danish; translated when the schema is served)."""

import datetime
from typing import Annotated, Literal

from django.utils.translation import gettext_noop as describe
from ninja import Field, Path, Schema

from guidelines.models import AdaptationMode, Stance

from ..common import Language
from .casebook import MunicipalityOut
from .documents import EditionRefOut, api_url_field, url_field

Mode = Literal[tuple(AdaptationMode.values)]
StanceValue = Literal[tuple(Stance.values)]

RegionPath = Annotated[str, Path(description=describe("Regionens id, fx “midtjylland”."))]
DocumentPath = Annotated[
    str, Path(description=describe("Id på det nationale dokument, tilpasningen gælder."))
]


class RegionOut(Schema):
    slug: str = Field(description=describe("Regionens faste id, fx “midtjylland”."))
    code: int = Field(description=describe("Regionskoden, fx 1082."))
    name: str = Field(description=describe("Regionens navn (på dansk)."))
    url: str | None = Field(
        description=describe("Adressen på regionens side, som læsere ser den; tom uden en side.")
    )
    api_url: str = api_url_field()


class RegionDetailOut(RegionOut):
    municipalities: list[MunicipalityOut] = Field(description=describe("Regionens kommuner."))
    adaptations_api_url: str = Field(
        description=describe("Adressen på regionens tilpasninger i API'et.")
    )
    cases_api_url: str = Field(description=describe("Adressen på regionens cases i API'et."))


class DocumentRefOut(Schema):
    id: str = Field(description=describe("Dokumentets faste id."))
    title: str = Field(description=describe("Titel i det valgte sprog."))
    url: str = url_field()
    api_url: str = api_url_field()


class AdaptationSummaryOut(Schema):
    id: str = Field(description=describe("Tilpasningens faste id: region/dokument."))
    region: str = Field(description=describe("Regionens id."))
    document: DocumentRefOut = Field(description=describe("Det nationale dokument, der tilpasses."))
    title: str = Field(description=describe("Titel."))
    intro: str = Field(description=describe("Hvad der er særligt for regionen, som ren tekst."))
    based_on: EditionRefOut | None = Field(
        description=describe("Den nationale udgave, tilpasningen er skrevet til.")
    )
    newer_edition: EditionRefOut | None = Field(
        description=describe(
            "Den nyeste nationale udgave, når den er nyere end den, tilpasningen bygger på."
        )
    )
    needs_review: bool = Field(
        description=describe(
            "Sand, når en nyere national udgave har ændret et afsnit eller en anbefaling, "
            "regionen har skrevet sin egen tekst til (se stale på afsnit og holdninger)."
        )
    )
    supplemented: int = Field(description=describe("Hvor mange afsnit regionen supplerer."))
    replaced: int = Field(description=describe("Hvor mange afsnit regionen erstatter."))
    language: Language = Field(
        description=describe("Sproget, teksten er skrevet på (dansk, hvis den ikke er oversat).")
    )
    is_demo: bool = Field(description=describe("Sand for opdigtet demoindhold."))
    last_published_at: datetime.datetime | None = Field(
        description=describe("Hvornår tilpasningen sidst blev udgivet.")
    )
    url: str = url_field()
    api_url: str = api_url_field()


class StanceOut(Schema):
    code: str = Field(description=describe("Den nationale anbefalings kode."))
    title: str = Field(description=describe("Den nationale anbefalings overskrift."))
    stance: StanceValue | None = Field(
        description=describe(
            "Regionens holdning: kept (beholdt med den nationale ordlyd), adapted (med "
            "regionens formulering) eller excluded (ikke vedtaget); tom, hvis ingen er angivet."
        )
    )
    text_html: str = Field(description=describe("Regionens formulering som HTML; kan være tom."))
    text_markdown: str = Field(
        description=describe("Regionens formulering som Markdown; kan være tom.")
    )
    reason: str = Field(description=describe("Regionens begrundelse; kan være tom."))
    stale: bool = Field(
        description=describe(
            "Sand, når anbefalingen er ændret i en nyere national udgave, så holdningen "
            "bør gennemgås."
        )
    )


class SectionVersionOut(Schema):
    slug: str = Field(description=describe("Det nationale afsnits navn i adressen."))
    number: str = Field(description=describe("Afsnittets nummer; kan være tomt."))
    title: str = Field(description=describe("Det nationale afsnits overskrift."))
    mode: Mode = Field(
        description=describe(
            "national (som den nationale tekst), supplemented (lokal tekst efter den "
            "nationale) eller replaced (lokal tekst i stedet for den nationale)."
        )
    )
    local_text_html: str = Field(
        description=describe("Regionens tekst som HTML; tom for et afsnit som nationalt.")
    )
    local_text_markdown: str = Field(
        description=describe("Regionens tekst som Markdown; tom for et afsnit som nationalt.")
    )
    reason: str = Field(
        description=describe("Hvorfor regionen erstatter den nationale tekst; kan være tom.")
    )
    stale: bool = Field(
        description=describe(
            "Sand, når afsnittet er ændret i en nyere national udgave, så regionens tekst "
            "bør gennemgås."
        )
    )
    stances: list[StanceOut] = Field(
        description=describe(
            "For et erstattet afsnit: regionens holdning til hver national anbefaling i det."
        )
    )
    url: str = url_field()
    national_api_url: str = Field(
        description=describe("Adressen på det nationale afsnit i API'et.")
    )


class AdaptationOut(AdaptationSummaryOut):
    sections: list[SectionVersionOut] = Field(
        description=describe("Hvert nationalt afsnit i rækkefølge, med regionens tilpasning.")
    )
