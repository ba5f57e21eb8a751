"""A new adaptation starts from its document: the editor picks the national
document first, then gets a form that offers only that document's sections and
editions, with the title and slug taken from it.

Wagtail's add view is given the document as `?dokument=<id>`; without one (or
with one that is no live national document) it shows the documents to choose
from. The form's own posts carry the document as a field.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.create import CreateView

from core.i18n import default_locale

from ..models import GuidanceDocumentPage

PARAMETER = "dokument"


def adaptable_documents():
    """The live national documents (the Danish originals, which adaptations name)."""
    return GuidanceDocumentPage.objects.live().filter(locale=default_locale()).order_by("path")


class AdaptationCreateView(CreateView):
    def get(self, request):
        value = request.GET.get(PARAMETER, "")
        document = adaptable_documents().filter(pk=value).first() if value.isdigit() else None
        if document is None:
            return self.choose_document(request, bad=bool(value))
        self.page.document = document
        self.page.slug = document.slug
        self.page.title = _("%(document)s i %(region)s") % {
            "document": document.title,
            "region": self.parent_page.specific.region.name,
        }
        return super().get(request)

    def choose_document(self, request, bad):
        taken = set(
            type(self.page).objects.child_of(self.parent_page).values_list("document_id", flat=True)
        )
        return TemplateResponse(
            request,
            "guidelines/admin/choose_document.html",
            {
                "region_page": self.parent_page,
                "documents": [
                    (document, document.pk in taken) for document in adaptable_documents()
                ],
                "bad": bad,
                "parameter": PARAMETER,
                "page_title": _("Ny regional tilpasning"),
                "page_subtitle": self.parent_page.title,
                "header_icon": "doc-empty-inverse",
            },
            status=404 if bad else 200,
        )
