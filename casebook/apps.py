from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasebookConfig(AppConfig):
    name = "casebook"
    verbose_name = _("Casebog")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from guidelines.models import Municipality, Region

        from .facets import forget_tables
        from .models import CasePage, TargetGroup, Theme

        # The facets' tables of cases are kept until a case or a value changes here
        # (changes published elsewhere show in the cases' fingerprint).
        for model in (CasePage, TargetGroup, Theme, Municipality, Region):
            post_save.connect(forget_tables, sender=model, dispatch_uid=f"facets-{model.__name__}")
            post_delete.connect(
                forget_tables, sender=model, dispatch_uid=f"facets-d-{model.__name__}"
            )
        for relation in ("municipalities", "target_groups", "themes"):
            m2m_changed.connect(
                forget_tables,
                sender=getattr(CasePage, relation).through,
                dispatch_uid=f"facets-{relation}",
            )
