"""The oEmbed answer (oembed.com, version 1.0, type "rich"). Every field has a
description (in Danish; translated when the schema is served)."""

from typing import Literal

from django.utils.translation import gettext_noop as describe
from ninja import Field, Schema


class OEmbedOut(Schema):
    version: Literal["1.0"] = Field(description=describe("oEmbed-versionen: altid 1.0."))
    type: Literal["rich"] = Field(
        description=describe("Svarets type: altid rich (HTML, der indsættes som den er).")
    )
    title: str = Field(description=describe("Anbefalingens eller afsnittets titel."))
    provider_name: str = Field(description=describe("Udbyderen: sidens navn."))
    provider_url: str = Field(description=describe("Udbyderens adresse: sidens forside."))
    width: int = Field(description=describe("Bredden i pixels, som html skal have."))
    height: int = Field(description=describe("Højden i pixels, som html skal have."))
    html: str = Field(
        description=describe(
            "En <iframe> med anbefalingen eller afsnittet: altid den aktuelle tekst med "
            "kode, styrke, gældende udgave og et link til siden."
        )
    )
    cache_age: int = Field(
        description=describe("Hvor mange sekunder svaret må genbruges, før der spørges igen.")
    )
