"""What the alerts add to the guidance's pages (guidelines/hooks.py): "Få besked på
e-mail" on a document's page and its editions, and on a region's page."""

from django.urls import reverse

from guidelines.hooks import PagePart

from .topics import Topic, source_document


class SubscribeLink(PagePart):
    template_name = "alerts/parts/subscribe_link.html"

    def __init__(self, topic, text_kind):
        self.topic, self.text_kind = topic, text_kind

    def get_context_data(self, parent_context=None):
        url = reverse("alerts:subscribe") + "?emne=" + self.topic.value
        return {"url": url, "kind": self.text_kind}


def document_part(document, request):
    if document.get_view_restrictions().exists():
        return None
    return SubscribeLink(Topic(document=source_document(document)), "document")


def region_part(region_page, request):
    return SubscribeLink(Topic(region=region_page.region), "region")
