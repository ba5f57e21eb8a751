"""The shapes of documents, sections, recommendations and editions. Every field has
a description (in Danish; translated when the schema is served)."""

import datetime
from typing import Literal

from django.utils.translation import gettext_noop as describe
from ninja import Field, Schema

from ..common import Language

Strength = Literal["skal", "boer", "kan"]


def url_field():
    return Field(description=describe("Adressen på siden, som læsere ser den."))


def api_url_field():
    return Field(description=describe("Adressen på samme objekt i API'et."))


class EditionRefOut(Schema):
    id: str = Field(description=describe("Udgavens faste id: dokument/udgave."))
    slug: str = Field(description=describe("Udgavens navn i adressen."))
    label: str = Field(description=describe("Udgavens navn, fx “2. udgave, 2024”."))
    effective_date: datetime.date = Field(description=describe("Den dag, udgaven gælder fra."))
    effective_month_only: bool = Field(
        description=describe("Sand, når kun måneden er kendt (datoen er den 1.).")
    )
    url: str = url_field()
    api_url: str = api_url_field()


class DocumentSummaryOut(Schema):
    id: str = Field(description=describe("Dokumentets faste id (dets navn i adressen)."))
    title: str = Field(description=describe("Titel."))
    short_title: str = Field(description=describe("Kort titel til lister; kan være tom."))
    document_type: Literal["model", "guideline", "template", "policy"] = Field(
        description=describe(
            "Dokumenttype: model (forløbsprogram), guideline (retningslinjer), "
            "template (skabelon) eller policy (anbefalinger til regeringen)."
        )
    )
    issuers: str = Field(description=describe("Udgivet af (dokumentets nuværende navne)."))
    first_published: datetime.date = Field(description=describe("Først udgivet."))
    first_published_month_only: bool = Field(
        description=describe("Sand, når kun måneden er kendt (datoen er den 1.).")
    )
    summary: str = Field(description=describe("Resumé."))
    language: Language = Field(
        description=describe("Sproget, teksten er skrevet på (dansk, hvis den ikke er oversat).")
    )
    last_published_at: datetime.datetime | None = Field(
        description=describe("Hvornår dokumentsiden sidst blev udgivet.")
    )
    url: str = url_field()
    api_url: str = api_url_field()


class SectionSummaryOut(Schema):
    id: str = Field(description=describe("Afsnittets faste id: dokument/afsnit."))
    slug: str = Field(description=describe("Afsnittets navn i adressen."))
    number: str = Field(description=describe("Afsnittets nummer, fx “3”; kan være tomt."))
    title: str = Field(description=describe("Overskrift."))
    summary: str = Field(description=describe("Resumé; kan være tomt."))
    last_published_at: datetime.datetime | None = Field(
        description=describe("Hvornår afsnittet sidst blev udgivet.")
    )
    url: str = url_field()
    api_url: str = api_url_field()


class DocumentOut(DocumentSummaryOut):
    audience: str = Field(description=describe("Hvem dokumentet er skrevet til."))
    intro_html: str = Field(description=describe("Indledningen som HTML."))
    intro_markdown: str = Field(description=describe("Indledningen som Markdown."))
    sections: list[SectionSummaryOut] = Field(description=describe("Afsnittene i rækkefølge."))
    edition_in_force: EditionRefOut | None = Field(
        description=describe("Den gældende udgave, hvis der er frigivet en.")
    )


class LegalBasisOut(Schema):
    law: str = Field(description=describe("Lovens nøgle, fx “serviceloven”."))
    law_name: str = Field(description=describe("Lovens navn."))
    paragraph: str = Field(description=describe("Paragraffen, fx “§ 13 a”."))
    url: str | None = Field(description=describe("Link til den gældende lov, hvis angivet."))


class RecommendationOut(Schema):
    id: str = Field(description=describe("Anbefalingens faste id: dokument/kode."))
    code: str = Field(description=describe("Den stabile kode, fx “3.2”."))
    document: str = Field(description=describe("Dokumentets id."))
    section: str | None = Field(
        description=describe("Afsnittets navn; tom for en tilbagetrukket anbefaling.")
    )
    title: str = Field(description=describe("Overskrift."))
    strength: Strength | None = Field(
        description=describe(
            "Styrke: skal, boer (bør) eller kan; tom i anbefalinger til regeringen."
        )
    )
    statement_html: str = Field(description=describe("Selve anbefalingen som HTML."))
    statement_markdown: str = Field(description=describe("Selve anbefalingen som Markdown."))
    rationale_html: str = Field(description=describe("Begrundelsen som HTML; kan være tom."))
    rationale_markdown: str = Field(
        description=describe("Begrundelsen som Markdown; kan være tom.")
    )
    legal_basis: list[LegalBasisOut] = Field(
        description=describe("Lovgrundlaget: de paragraffer, anbefalingen hviler på.")
    )
    status: Literal["new", "changed", "unchanged", "withdrawn"] = Field(
        description=describe(
            "I forhold til den gældende udgave: new (ny i den), changed (ændret i den), "
            "unchanged, eller withdrawn (ikke længere i teksten)."
        )
    )
    status_edition: str | None = Field(
        description=describe(
            "Den udgave, status gælder: hvor den kom, blev ændret eller sidst stod."
        )
    )
    url: str = url_field()
    api_url: str = api_url_field()


class SectionOut(SectionSummaryOut):
    document: str = Field(description=describe("Dokumentets id."))
    language: Language = Field(description=describe("Sproget, afsnittets tekst er skrevet på."))
    body_html: str = Field(description=describe("Afsnittets tekst som HTML."))
    body_markdown: str = Field(description=describe("Afsnittets tekst som Markdown."))
    recommendations: list[RecommendationOut] = Field(
        description=describe("Afsnittets anbefalinger i rækkefølge.")
    )


class EditionSummaryOut(EditionRefOut):
    status: Literal["in_force", "future", "superseded"] = Field(
        description=describe("in_force (gældende), future (fremtidig) eller superseded (afløst).")
    )
    change_summary: str = Field(description=describe("Hvad der er ændret i udgaven."))
    issuers: str = Field(description=describe("Udgivet af, med navnene fra udgavens tid."))
    released_at: datetime.datetime = Field(description=describe("Hvornår udgaven blev frigivet."))
    language: Language = Field(description=describe("Sproget, udgavens tekst er skrevet på."))


class FrozenRecommendationOut(Schema):
    code: str = Field(description=describe("Den stabile kode."))
    title: str = Field(description=describe("Overskrift, som den lød i udgaven."))
    strength: Strength | None = Field(description=describe("Styrke i udgaven."))
    text: str = Field(description=describe("Anbefaling og begrundelse som ren tekst."))


class FrozenSectionOut(Schema):
    slug: str = Field(description=describe("Afsnittets navn i adressen."))
    number: str = Field(description=describe("Afsnittets nummer."))
    title: str = Field(description=describe("Overskrift, som den lød i udgaven."))
    summary: str = Field(description=describe("Resumé i udgaven."))
    body_html: str = Field(description=describe("Teksten, som den lød, som HTML."))
    body_markdown: str = Field(description=describe("Teksten, som den lød, som Markdown."))
    recommendations: list[FrozenRecommendationOut] = Field(
        description=describe("Afsnittets anbefalinger i udgaven.")
    )


class EditionOut(EditionSummaryOut):
    sections: list[FrozenSectionOut] = Field(
        description=describe("Udgavens afsnit; ændres aldrig, når udgaven er frigivet.")
    )


class SectionChangeOut(Schema):
    slug: str = Field(description=describe("Afsnittets navn i adressen."))
    number: str = Field(description=describe("Afsnittets nummer."))
    title: str = Field(description=describe("Overskrift i den nyeste af de to udgaver."))
    status: Literal["added", "removed", "changed", "unchanged"] = Field(
        description=describe("added, removed, changed eller unchanged.")
    )
    moved: bool = Field(description=describe("Sand, når afsnittet er flyttet."))
    old_title: str | None = Field(description=describe("Den gamle overskrift, hvis den er ændret."))
    diff_html: str = Field(
        description=describe("Forskellen som HTML med <ins> og <del>; tom, hvis uændret.")
    )


class RecommendationChangeOut(Schema):
    code: str = Field(description=describe("Anbefalingens kode."))
    title: str = Field(description=describe("Overskrift."))
    status: Literal["added", "removed", "changed"] = Field(
        description=describe("added, removed eller changed.")
    )
    section: str | None = Field(description=describe("Afsnittets navn."))
    diff_html: str = Field(description=describe("Forskellen som HTML med <ins> og <del>."))


class ComparisonOut(Schema):
    old: EditionRefOut = Field(description=describe("Den ældste af de to udgaver."))
    new: EditionRefOut = Field(description=describe("Den nyeste af de to udgaver."))
    sections: list[SectionChangeOut] = Field(description=describe("Afsnittenes ændringer."))
    recommendations: list[RecommendationChangeOut] = Field(
        description=describe("Anbefalingernes ændringer efter kode.")
    )
