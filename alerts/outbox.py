"""Queueing alerts and sending the outbox.

`queue_alert` makes the alert and one outbox row per subscriber in one
transaction, then asks the task queue to send. `send_pending` sends every row
waiting: it claims a row (pending → sending) in one UPDATE before it talks to the
mail server, so two runs at once, or the same task twice, never send a mail twice.
When the server fails, the row goes back to pending with the error and the run
stops (the next rows would fail the same way); the task tries again later (with a
worker) and `manage.py send_alert_mails` sends what waits. A row left "sending" by a
process that died is taken again after STALE: a mail that may have gone out is
sent again rather than lost."""

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import default_task_backend, task

from .mails import alert_mail
from .models import Alert, MailStatus, OutboxMail

logger = logging.getLogger(__name__)

STALE = timedelta(minutes=15)
RETRY_AFTER = timedelta(minutes=10)


def queue_alert(key, kind, subscriptions, **fields):
    """The alert `key` with a mail to each of `subscriptions`; None when it was
    queued before (or nobody subscribes)."""
    subscriptions = list(subscriptions)
    if not subscriptions:
        return None
    with transaction.atomic():
        alert, created = Alert.objects.get_or_create(key=key, defaults={"kind": kind, **fields})
        if not created:
            return None
        OutboxMail.objects.bulk_create(
            [OutboxMail(alert=alert, subscription=s) for s in subscriptions],
            ignore_conflicts=True,
        )
        transaction.on_commit(send_alert_mails.enqueue)
    return alert


def waiting(now):
    return Q(status=MailStatus.PENDING) | Q(status=MailStatus.SENDING, claimed_at__lt=now - STALE)


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    dropped: int = 0
    waiting: int = 0


def send_pending(limit=1000):
    now = timezone.now()
    result = SendResult()
    ids = list(
        OutboxMail.objects.filter(waiting(now)).order_by("pk").values_list("pk", flat=True)[:limit]
    )
    connection = get_connection()
    for pk in ids:
        claimed = OutboxMail.objects.filter(waiting(now), pk=pk).update(
            status=MailStatus.SENDING, claimed_at=timezone.now()
        )
        if not claimed:  # another run has it, or it was unsubscribed meanwhile
            continue
        mail = OutboxMail.objects.select_related(
            "alert__edition__document",
            "alert__page",
            "subscription__document",
            "subscription__region",
        ).get(pk=pk)
        message = alert_mail(mail)
        if message is None:
            OutboxMail.objects.filter(pk=pk).update(status=MailStatus.DROPPED)
            result.dropped += 1
            continue
        message.connection = connection
        try:
            message.send()
        except (OSError, smtplib.SMTPException) as error:
            OutboxMail.objects.filter(pk=pk).update(
                status=MailStatus.PENDING,
                attempts=F("attempts") + 1,
                last_error=str(error)[:500] or type(error).__name__,
            )
            result.failed += 1
            logger.warning("alert mail not sent, kept in the outbox: %s", error)
            break
        OutboxMail.objects.filter(pk=pk).update(
            status=MailStatus.SENT,
            sent_at=timezone.now(),
            attempts=F("attempts") + 1,
            last_error="",
        )
        result.sent += 1
    connection.close()
    result.waiting = OutboxMail.objects.filter(waiting(timezone.now())).count()
    return result


@task()
def send_alert_mails():
    """Send the outbox; when mails wait (the server failed), try again later."""
    result = send_pending()
    if result.waiting and default_task_backend.supports_defer:
        send_alert_mails.using(run_after=timezone.now() + RETRY_AFTER).enqueue()
    return {"sent": result.sent, "failed": result.failed, "waiting": result.waiting}
