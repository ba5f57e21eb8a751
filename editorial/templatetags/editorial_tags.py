from django import template
from django.urls import Resolver404, resolve
from wagtail.models import Page
from wagtail.permissions import policy_registry

register = template.Library()


@register.simple_tag(takes_context=True)
def explorable_translations(context, translations):
    """The page's translations without the explorer links that would only send
    the user back to their start page (a regional user's English tree:
    editorial/explorer.py). Links to edit a translation stay."""
    user = context["request"].user
    root = policy_registry.get_by_type(Page).explorable_root_instance(user)
    if root is None or root.is_root():
        return translations
    kept = []
    for translation in translations:
        try:
            match = resolve(translation["url"])
        except Resolver404:
            match = None
        if match and match.url_name == "wagtailadmin_explore":
            page = Page.objects.filter(pk=match.kwargs.get("parent_page_id")).first()
            if page is None or not page.path.startswith(root.path):
                continue
        kept.append(translation)
    return kept
