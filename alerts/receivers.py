"""What makes an alert: an edition released (the document's subscribers), a
region's adaptation published (at most one alert a day per adaptation, as
/aendringer/ counts them) and a region's case published for the first time (the
region's subscribers). Only the Danish pages count: their English translations
are the same news. Private pages tell no one."""

from django.utils import timezone
from wagtail.signals import page_published

from casebook.models import CasePage
from core.i18n import default_locale
from guidelines.editions.release import edition_released
from guidelines.models import RegionalAdaptationPage

from .models import AlertKind
from .outbox import queue_alert
from .topics import Topic, source_document


def on_edition_released(sender, edition, **kwargs):
    document = source_document(edition.document)
    subscriptions = Topic(document=document).subscriptions()
    if edition.document.locale_id != document.locale_id:  # an English edition
        subscriptions = subscriptions.filter(language=edition.language)
    queue_alert(f"edition:{edition.pk}", AlertKind.EDITION, subscriptions, edition=edition)


def is_public_source(page):
    locale = default_locale()
    return (
        locale is not None
        and page.locale_id == locale.pk
        and not page.get_view_restrictions().exists()
    )


def on_adaptation_published(sender, instance, **kwargs):
    if not is_public_source(instance):
        return
    key = f"adaptation:{instance.translation_key}:{timezone.localdate().isoformat()}"
    subscriptions = Topic(region=instance.region).subscriptions()
    queue_alert(key, AlertKind.ADAPTATION, subscriptions, page=instance.page_ptr)


def on_case_published(sender, instance, **kwargs):
    first = instance.first_published_at == instance.last_published_at
    if not first or instance.region_id is None or not is_public_source(instance):
        return
    subscriptions = Topic(region=instance.region).subscriptions()
    queue_alert(
        f"case:{instance.translation_key}", AlertKind.CASE, subscriptions, page=instance.page_ptr
    )


def connect():
    edition_released.connect(on_edition_released, dispatch_uid="alerts.edition")
    page_published.connect(
        on_adaptation_published, sender=RegionalAdaptationPage, dispatch_uid="alerts.adaptation"
    )
    page_published.connect(on_case_published, sender=CasePage, dispatch_uid="alerts.case")
