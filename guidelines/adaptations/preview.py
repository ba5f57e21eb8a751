"""Previewing an adaptation as its readers will read it: every section, both switches.

Wagtail previews a page by rendering it for a made-up request at the page's
address (PreviewableMixin.make_preview_request). Links in that rendering lead to
the public site, where the sections of a draft adaptation do not exist yet (404)
or show the published text, so a moderator saw only the contents page.

In a preview the adaptation's own links lead to the same admin preview instead,
with the view in the query: `?afsnit=<slug>` for a section, and the reader's
switches `visning=national` and `tekst=national|regional` as a reader's link
carries them. Every admin preview (while editing, of a new page, of a revision,
of a revision awaiting a workflow task) hands its request to
make_preview_request, so the links keep that view's address, its permission
check and its other parameters (`in_preview_panel`).
"""

from urllib.parse import urlencode

from django.http import QueryDict

SECTION = "afsnit"
#: The query parameters a reader's links carry (models/adaptations.py).
READER_KEYS = ("visning", "tekst")


class PreviewLinks:
    """The admin preview the adaptation is shown in, and the view asked for."""

    def __init__(self, request):
        query = request.GET
        self.path = request.path
        self.kept = [
            (key, value)
            for key, values in query.lists()
            # The view is the link's to say: a section named by the mode would stick.
            if key not in (SECTION, "mode", *READER_KEYS)
            for value in values
        ]
        self.section = query.get(SECTION, "")
        self.reader_query = QueryDict(mutable=True)
        for key in READER_KEYS:
            if query.get(key):
                self.reader_query[key] = query[key]

    def url(self, slug="", **query):
        params = list(self.kept)
        if slug:
            params.append((SECTION, slug))
        params += [(key, value) for key, value in query.items() if value]
        return self.path + ("?" + urlencode(params) if params else "")
