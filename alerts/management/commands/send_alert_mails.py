"""Send the alert mails waiting in the outbox (after the mail server was down, or
where no worker runs), and forget sent mails older than --keep-days."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.models import MailStatus, OutboxMail
from alerts.outbox import send_pending


class Command(BaseCommand):
    help = "Sender de mails, der venter i udbakken."

    def add_arguments(self, parser):
        parser.add_argument("--keep-days", type=int, default=90)

    def handle(self, *args, keep_days, **options):
        result = send_pending()
        cutoff = timezone.now() - timedelta(days=keep_days)
        forgotten, _ = OutboxMail.objects.filter(
            status__in=[MailStatus.SENT, MailStatus.DROPPED], sent_at__lt=cutoff
        ).delete()
        self.stdout.write(
            f"sendt {result.sent}, fejlet {result.failed}, venter {result.waiting}, "
            f"glemt {forgotten}"
        )
        if result.failed:
            raise SystemExit(1)
