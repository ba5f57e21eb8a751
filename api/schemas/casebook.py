"""The shapes of the casebook's cases and information meetings. Every field has a
description (in Danish; translated when the schema is served)."""

import datetime
from typing import Annotated, Literal

from django.utils.translation import gettext_noop as describe
from ninja import Field, Path, Schema

from casebook.facets import PERIODS
from casebook.models import CaseStatus, MaterialKind
from core.facets import MAX_VALUES_PER_FACET

from ..common import Language, Page
from .documents import api_url_field, url_field

Status = Literal[tuple(CaseStatus.values)]
Period = Literal[tuple(value for value, _start, _end in PERIODS)]
Kind = Literal[tuple(MaterialKind.values)]

CasePath = Annotated[str, Path(description=describe("Casens id (dens navn i adressen)."))]
MeetingPath = Annotated[str, Path(description=describe("Mødets id (dets navn i adressen)."))]


def values_field(description):
    return Field(None, max_length=MAX_VALUES_PER_FACET, description=description)


# The casebook's facets as query parameters. A parameter may be repeated: values of
# one filter are alternatives (OR), filters combine (AND). (A comment, not a docstring:
# a docstring would be the schema's description, and it is written in Danish.)
class CaseFilters(Schema):
    region: list[str] | None = values_field(
        describe("Region: en regions id, fx “midtjylland”, eller “national”. Kan gentages.")
    )
    municipality: list[str] | None = values_field(
        describe("Kommune: kommunekoden, fx “730”. Kan gentages.")
    )
    target_group: list[str] | None = values_field(
        describe("Målgruppe: værdiens id, fx “unge”. Kan gentages.")
    )
    theme: list[str] | None = values_field(
        describe("Tema: værdiens id, fx “dobbeltdiagnose”. Kan gentages.")
    )
    method: list[str] | None = values_field(
        describe("Metode: metodens id i metodekataloget, fx “ips”. Kan gentages.")
    )
    funding: list[str] | None = values_field(
        describe(
            "Finansiering: puljens id, eller “anden” for cases uden en pulje med egen side. "
            "Kan gentages."
        )
    )
    status: list[Status] | None = values_field(
        describe("Status: planlagt, i-gang, afsluttet eller forankret. Kan gentages.")
    )
    period: list[Period] | None = values_field(
        describe("Startår i faste spænd, fx “2015-2017” eller “2024-”. Kan gentages.")
    )
    sort: Literal["newest", "title"] = Field(
        "newest", description=describe("Rækkefølge: newest (nyeste først, standard) eller title.")
    )


class MeetingFilters(Schema):
    region: str | None = Field(
        None, description=describe("Kun møder i denne region (dens id), eller “national”.")
    )
    series: str | None = Field(None, description=describe("Kun møder i denne mødeserie (dens id)."))
    upcoming: bool | None = Field(
        None,
        description=describe("true: kun møder, der ikke er holdt endnu; false: kun holdte møder."),
    )


class RegionRefOut(Schema):
    slug: str = Field(description=describe("Regionens faste id, fx “midtjylland”."))
    name: str = Field(description=describe("Regionens navn (på dansk)."))
    api_url: str = api_url_field()


class MunicipalityOut(Schema):
    code: int = Field(description=describe("Kommunekoden, fx 730."))
    name: str = Field(description=describe("Kommunens navn (på dansk)."))


class TermOut(Schema):
    slug: str = Field(description=describe("Værdiens faste id; bruges i filtrene."))
    name: str = Field(description=describe("Navnet i det valgte sprog."))


class LinkedPageOut(Schema):
    slug: str = Field(description=describe("Sidens faste id (dens navn i adressen)."))
    title: str = Field(description=describe("Titel."))
    url: str = url_field()


class CaseSummaryOut(Schema):
    id: str = Field(description=describe("Casens faste id (dens navn i adressen)."))
    title: str = Field(description=describe("Titel."))
    summary: str = Field(description=describe("Resumé som ren tekst."))
    region: RegionRefOut | None = Field(description=describe("Regionen; tom for en national case."))
    municipalities: list[MunicipalityOut] = Field(description=describe("De deltagende kommuner."))
    target_groups: list[TermOut] = Field(description=describe("Målgrupper."))
    themes: list[TermOut] = Field(description=describe("Temaer."))
    methods: list[LinkedPageOut] = Field(
        description=describe("Metoderne fra metodekataloget, som casen bruger.")
    )
    start_year: int = Field(description=describe("Startår."))
    end_year: int | None = Field(description=describe("Slutår; tomt, mens casen kører."))
    period: str = Field(description=describe("Perioden som tekst, fx “2016–2018” eller “2021–”."))
    status: Status = Field(
        description=describe(
            "Status: planlagt, i-gang, afsluttet eller forankret (forankret i drift)."
        )
    )
    status_label: str = Field(description=describe("Status i det valgte sprog."))
    funding_source: LinkedPageOut | None = Field(
        description=describe("Puljen eller finansieringskilden, hvis den har en side.")
    )
    language: Language = Field(
        description=describe("Sproget, teksten er skrevet på (dansk, hvis den ikke er oversat).")
    )
    is_demo: bool = Field(description=describe("Sand for opdigtet demoindhold."))
    last_published_at: datetime.datetime | None = Field(
        description=describe("Hvornår casen sidst blev udgivet.")
    )
    url: str = url_field()
    api_url: str = api_url_field()


class CaseFacetOptionOut(Schema):
    value: str = Field(description=describe("Værdien, som den skrives i filteret."))
    label: str = Field(description=describe("Værdiens navn i det valgte sprog."))
    count: int = Field(
        description=describe("Hvor mange cases værdien giver, med de andre filtre anvendt.")
    )
    selected: bool = Field(description=describe("Sand, når værdien er valgt i forespørgslen."))


class CaseFacetOut(Schema):
    name: str = Field(description=describe("Filterets parameter, fx “theme”."))
    label: str = Field(description=describe("Filterets navn i det valgte sprog."))
    options: list[CaseFacetOptionOut] = Field(description=describe("Filterets værdier med antal."))


class CaseListOut(Page[CaseSummaryOut]):
    facets: list[CaseFacetOut] = Field(
        description=describe(
            "Filtrene med deres værdier og antal: inden for et filter giver flere værdier "
            "flere cases, hvert ekstra filter færre."
        )
    )


class CaseRecommendationOut(Schema):
    id: str = Field(description=describe("Anbefalingens faste id: dokument/kode."))
    code: str = Field(description=describe("Den stabile kode, fx “3.2”."))
    document: str = Field(description=describe("Dokumentets id."))
    title: str | None = Field(
        description=describe(
            "Anbefalingens overskrift; tom, hvis koden ikke længere står i teksten."
        )
    )
    current: bool = Field(
        description=describe("Sand, når koden står i den gældende tekst (ellers trukket tilbage).")
    )
    url: str = url_field()
    api_url: str = api_url_field()


class MeetingRefOut(Schema):
    id: str = Field(description=describe("Mødets faste id (dets navn i adressen)."))
    title: str = Field(description=describe("Titel."))
    date: datetime.date = Field(description=describe("Dato."))
    url: str = url_field()
    api_url: str = api_url_field()


class CaseOut(CaseSummaryOut):
    funding: str = Field(description=describe("Finansieringen i detaljer; kan være tom."))
    partners: str = Field(description=describe("Parterne bag casen som ren tekst; kan være tom."))
    contact_role: str = Field(
        description=describe("Kontakt som rolle og organisation (aldrig en persons navn).")
    )
    what_was_done_html: str = Field(description=describe("Hvad blev gjort, som HTML."))
    what_was_done_markdown: str = Field(description=describe("Hvad blev gjort, som Markdown."))
    results_html: str = Field(description=describe("Resultaterne som HTML; kan være tom."))
    results_markdown: str = Field(description=describe("Resultaterne som Markdown; kan være tom."))
    review_date: datetime.date | None = Field(
        description=describe("Hvornår casen senest genvurderes.")
    )
    recommendations: list[CaseRecommendationOut] = Field(
        description=describe("De anbefalinger, casen omsætter til praksis.")
    )
    meetings: list[MeetingRefOut] = Field(
        description=describe("Informationsmøderne, hvor casen blev præsenteret, nyeste først.")
    )
    collaborations: list[LinkedPageOut] = Field(
        description=describe("De samarbejder (alliancer, partnerskaber), casen er en del af.")
    )


class SeriesOut(Schema):
    slug: str = Field(description=describe("Seriens faste id; bruges i filteret series."))
    name: str = Field(description=describe("Seriens navn i det valgte sprog."))


class MeetingSummaryOut(Schema):
    id: str = Field(description=describe("Mødets faste id (dets navn i adressen)."))
    title: str = Field(description=describe("Titel."))
    series: SeriesOut | None = Field(description=describe("Mødeserien, hvis mødet hører til en."))
    date: datetime.date = Field(description=describe("Dato."))
    start_time: str | None = Field(
        pattern=r"^\d\d:\d\d$",
        description=describe("Starttidspunkt i dansk tid, fx “09:30”; tomt, hvis ukendt."),
    )
    end_time: str | None = Field(
        pattern=r"^\d\d:\d\d$",
        description=describe("Sluttidspunkt i dansk tid, fx “15:00”; tomt, hvis ukendt."),
    )
    starts_at: datetime.datetime | None = Field(
        description=describe("Starten som tidspunkt med tidszone; tom, hvis tiden er ukendt.")
    )
    ends_at: datetime.datetime | None = Field(
        description=describe("Slutningen som tidspunkt med tidszone; tom, hvis tiden er ukendt.")
    )
    place: str = Field(description=describe("Sted."))
    region: RegionRefOut | None = Field(
        description=describe("Regionen; tom for et nationalt møde.")
    )
    summary: str = Field(description=describe("Resumé som ren tekst; kan være tomt."))
    upcoming: bool = Field(description=describe("Sand, når mødet ikke er holdt endnu."))
    language: Language = Field(
        description=describe("Sproget, teksten er skrevet på (dansk, hvis den ikke er oversat).")
    )
    is_demo: bool = Field(description=describe("Sand for opdigtet demoindhold."))
    last_published_at: datetime.datetime | None = Field(
        description=describe("Hvornår mødesiden sidst blev udgivet.")
    )
    url: str = url_field()
    api_url: str = api_url_field()


class MaterialOut(Schema):
    title: str = Field(description=describe("Titel."))
    kind: Kind = Field(
        description=describe("Type: slides, handout, program, vejledning eller andet.")
    )
    kind_label: str = Field(description=describe("Typen i det valgte sprog."))
    url: str = Field(description=describe("Adressen på filen eller linket."))
    file_extension: str | None = Field(
        description=describe("Filtypen, fx “pdf”, for en fil i dokumentbiblioteket.")
    )


class RegistrationOut(Schema):
    url: str | None = Field(description=describe("Adressen, man tilmelder sig på."))
    contact: str | None = Field(
        description=describe("Kontakt for spørgsmål og tilmelding: en funktion og en postkasse.")
    )


class CaseRefOut(Schema):
    id: str = Field(description=describe("Casens faste id."))
    title: str = Field(description=describe("Titel."))
    summary: str = Field(description=describe("Resumé som ren tekst."))
    url: str = url_field()
    api_url: str = api_url_field()


class MeetingOut(MeetingSummaryOut):
    organiser: str = Field(description=describe("Arrangør; kan være tom."))
    audience: str = Field(description=describe("Hvem mødet er for; kan være tom."))
    programme_html: str = Field(description=describe("Programmet som HTML; kan være tomt."))
    programme_markdown: str = Field(description=describe("Programmet som Markdown; kan være tomt."))
    materials: list[MaterialOut] = Field(description=describe("Materialer: filer og links."))
    registration: RegistrationOut | None = Field(
        description=describe("Tilmelding; kun for et møde, der ikke er holdt endnu.")
    )
    cases: list[CaseRefOut] = Field(description=describe("De cases, der præsenteres."))
    calendar_url: str = Field(description=describe("Mødet som kalenderfil (.ics)."))
