"""The language an API request reads in: `?lang=da|en`, else the first of Danish or
English in Accept-Language, else Danish. Unlike the site's pages (whose language is
in the path), one API address serves both, so responses say `Vary: Accept-Language`
and `Content-Language`."""

from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGES = ("da", "en")
DEFAULT = "da"


def requested_language(request):
    asked = request.GET.get("lang")
    if asked in LANGUAGES:
        return asked
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        primary = code.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return DEFAULT
