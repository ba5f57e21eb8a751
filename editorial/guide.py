"""A short editor's guide in Danish, inside the admin (/admin/vejledning/).

Wagtail's help links go to its English user guide, which knows nothing of regions,
adaptations or this site's approval. These pages say how this site's admin is
used, step by step. The guide is written in Danish for the regions' Danish staff,
like the site's content: its text is in the templates (editorial/guide/), not in
the interface catalogues, and is marked lang="da" for an admin in English.
"""

from dataclasses import dataclass

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .regional import regional_home

TITLE = _("Redaktørguide")


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str  # Danish: the guide's own text
    summary: str

    @property
    def url(self):
        return reverse("editorial_guide_topic", args=[self.slug])

    @property
    def template_name(self):
        return f"editorial/guide/{self.slug.replace('-', '_')}.html"


TOPICS = [
    Topic(
        "regional-tilpasning",
        "Sådan laver du en regional tilpasning",
        "Regionens version af en national vejledning, afsnit for afsnit.",
    ),
    Topic(
        "case",
        "Sådan laver du en case",
        "Et lokalt tilbud eller projekt i casebogen, med de anbefalinger det omsætter.",
    ),
    Topic(
        "godkendelse",
        "Sådan godkender du",
        "For moderatorer: gennemse, godkend eller bed om ændringer.",
    ),
]


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": TITLE}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["topics"] = TOPICS
        context["region_page"] = regional_home(self.request.user)
        return context


class GuideIndexView(GuideView):
    template_name = "editorial/guide/index.html"
    page_title = TITLE


class GuideTopicView(GuideView):
    def dispatch(self, request, *args, slug, **kwargs):
        self.topic = next((topic for topic in TOPICS if topic.slug == slug), None)
        if self.topic is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.topic.title

    def get_template_names(self):
        return [self.topic.template_name]

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items[-1] = {"url": reverse("editorial_guide"), "label": TITLE}
        return [*items, {"url": "", "label": self.topic.title}]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "topic": self.topic}


urlpatterns = [
    path("vejledning/", GuideIndexView.as_view(), name="editorial_guide"),
    path("vejledning/<slug:slug>/", GuideTopicView.as_view(), name="editorial_guide_topic"),
]
