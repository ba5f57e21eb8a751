"""The editors' view of the alerts: how many follow each document and region, and
how the outbox stands. Counts only: no editor, regional or national, sees or
exports an address here (a reader unsubscribes through the link in every mail)."""

from django.db.models import Count, Q
from django.shortcuts import render

from .models import MailStatus, OutboxMail, Subscription
from .topics import topics


def report_view(request):
    counts = {
        (row["document"], row["region"]): row["n"]
        for row in Subscription.objects.values("document", "region").annotate(n=Count("pk"))
    }
    by_language = dict(
        Subscription.objects.values_list("language").annotate(n=Count("pk")).order_by()
    )
    rows = [
        {
            "label": topic.label(),
            "count": counts.get(
                (getattr(topic.document, "pk", None), getattr(topic.region, "pk", None)), 0
            ),
        }
        for topic in topics()
    ]
    outbox = OutboxMail.objects.aggregate(
        waiting=Count("pk", filter=Q(status__in=[MailStatus.PENDING, MailStatus.SENDING])),
        failing=Count("pk", filter=Q(status=MailStatus.PENDING, attempts__gt=0)),
        sent=Count("pk", filter=Q(status=MailStatus.SENT)),
    )
    context = {"rows": rows, "by_language": by_language, "outbox": outbox}
    return render(request, "alerts/admin/report.html", context)
