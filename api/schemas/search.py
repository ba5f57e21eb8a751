"""The shape of search results: the site's search page as data. Every field has a
description (in Danish; translated when the schema is served)."""

from django.utils.translation import gettext_noop as describe
from ninja import Field, Schema

from ..common import Language, Page


class SearchHitOut(Schema):
    kind: str = Field(
        description=describe(
            "Resultatets type, som søgesidens typefilter kalder den: dokument, afsnit, "
            "anbefaling, tilpasning, udgave, case, moede, metode, samarbejde, pulje, "
            "tilbud, ordliste eller side."
        )
    )
    kind_label: str = Field(description=describe("Typens navn, som søgesiden viser det."))
    id: str | None = Field(
        description=describe(
            "Objektets faste id i API'et (fx dokument/kode for en anbefaling); tom for "
            "typer, API'et ikke har."
        )
    )
    title: str = Field(description=describe("Titel som ren tekst."))
    title_html: str = Field(
        description=describe("Titel som HTML, med søgeordene markeret med <mark>.")
    )
    snippet: str = Field(description=describe("Uddrag af teksten som ren tekst; kan være tomt."))
    snippet_html: str = Field(
        description=describe(
            "Uddrag som HTML, med søgeordene markeret med <mark>, som på søgesiden."
        )
    )
    trail: str = Field(
        description=describe(
            "Hvor resultatet står, fx “Dokument › 3. Afsnit”, som på søgesiden; kan være tom."
        )
    )
    region: str | None = Field(description=describe("Regionens navn, hvis resultatet har en."))
    language: Language = Field(description=describe("Sproget, resultatets tekst er skrevet på."))
    url: str = Field(
        description=describe(
            "Adressen, søgesiden linker til (for en anbefaling: dens sted i afsnittet)."
        )
    )
    api_url: str | None = Field(
        description=describe(
            "Adressen på samme objekt i API'et, for dokumenter, afsnit, anbefalinger, "
            "udgaver, tilpasninger, cases og møder; ellers tom."
        )
    )


class FacetValueOut(Schema):
    value: str = Field(description=describe("Værdien, som den skrives i filteret."))
    label: str = Field(description=describe("Værdiens navn."))
    count: int = Field(
        description=describe(
            "Hvor mange resultater værdien giver med de andre filtre, men uden dette filters egne."
        )
    )
    selected: bool = Field(description=describe("Sand, når værdien er valgt i forespørgslen."))


class FacetOut(Schema):
    facet: str = Field(description=describe("Filterets navn i forespørgslen, fx tema."))
    heading: str = Field(description=describe("Filterets overskrift."))
    values: list[FacetValueOut] = Field(description=describe("Værdierne med antal."))


class SearchResultsOut(Page[SearchHitOut]):
    query: str = Field(description=describe("Søgningen, som den blev læst (renset og forkortet)."))
    any_words: bool = Field(
        description=describe(
            "Sand, når intet havde alle ordene, og resultaterne har mindst ét af dem "
            "(som på søgesiden)."
        )
    )
    approximate: bool = Field(
        description=describe("Sand, når antallene er skøn (meget store resultatmængder).")
    )
    did_you_mean: str | None = Field(
        description=describe("Et forslag til en anden stavning, hvis et ord er ukendt.")
    )
    notices: list[str] = Field(
        description=describe(
            "Beskeder om forespørgslen, fx ukendte filterværdier, der er ignoreret."
        )
    )
    facets: list[FacetOut] = Field(
        description=describe("Filtrene med værdier og antal, som søgesiden viser dem.")
    )
