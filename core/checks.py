"""System checks for the settings core relies on (`manage.py check` runs them)."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.models)
def home_page_model(app_configs=None, **kwargs):
    """HOME_PAGE_MODEL names the site's home page (core.models.IndexPage stands under it)."""
    value = getattr(settings, "HOME_PAGE_MODEL", None)
    hint = "Set it to '<app_label>.<ModelName>' of the home page, e.g. 'home.HomePage'."
    try:
        model = apps.get_model(value)
    except (AttributeError, TypeError, ValueError, LookupError):
        return [
            Error(f"HOME_PAGE_MODEL {value!r} names no installed model.", hint=hint, id="core.E001")
        ]
    if not issubclass(model, apps.get_model("wagtailcore", "Page")):
        return [
            Error(f"HOME_PAGE_MODEL {value!r} is not a Wagtail page.", hint=hint, id="core.E002")
        ]
    return []
