from django.apps import AppConfig


class OpsConfig(AppConfig):
    """What running the site on several machines needs: health probes and JSON logs."""

    name = "ops"
    verbose_name = "Drift"
