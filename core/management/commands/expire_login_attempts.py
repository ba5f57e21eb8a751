from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Sletter django-axes' optegnelser om mislykkede logins, når spærretiden "
        "(AXES_COOLOFF_TIME) er udløbet (køres fx hver time; se README, Security and privacy)."
    )

    def handle(self, **options):
        # Axes deletes expired attempts itself only when someone next logs in or out.
        threshold = timezone.now() - get_cool_off()
        deleted = sum(
            model.objects.filter(attempt_time__lt=threshold).delete()[0]
            for model in (AccessAttempt, AccessFailureLog, AccessLog)
        )
        self.stdout.write(f"{deleted} udløbne loginoptegnelser slettet.")
