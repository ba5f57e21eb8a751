"""E-mail alerts, end to end against a real SMTP server: subscribe, confirm by the
link in the mail, hear about a release once per subscriber, unsubscribe by the link
(and by the mail program's one-click POST); a mail server that is down keeps the
mail in the outbox until a retry; the same send twice sends nothing twice."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client

from alerts.models import MailStatus, OutboxMail, Subscription
from alerts.outbox import send_alert_mails
from guidelines.editions.release import release_edition
from guidelines.models import Edition

LINK = re.compile(r"http://testserver(/\S+/)")


def stamp(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.find("input", {"name": "stamp"})["value"]


def subscribe(address, topic, prefix=""):
    client = Client()
    url = f"{prefix}/abonnement/?emne={topic}"
    data = {"email": address, "topic": topic, "stamp": stamp(client, url), "website": ""}
    return client.post(f"{prefix}/abonnement/", data)


def subject(message):
    return " ".join(str(message["Subject"]).split())


def link_in(message, part):
    for path in LINK.findall(message.get_content()):
        if part in path:
            return path
    raise AssertionError(f"no {part} link in {message.get_content()!r}")


def confirm(inbox, address):
    (mail,) = inbox.to(address)
    path = link_in(mail, "/bekraeft/")
    client = Client()
    before = Subscription.objects.filter(email=address).count()
    page = client.get(path)
    # A GET (a mail scanner's too) only shows the button.
    assert page.status_code == 200
    assert BeautifulSoup(page.content, "html.parser").select("form[method=post] button")
    assert Subscription.objects.filter(email=address).count() == before
    response = client.post(path)
    assert response.status_code == 200
    return response


def release_through_admin(document, django_user_model, label="2. udgave"):
    user = django_user_model.objects.create_superuser(f"nat-{label[:1]}", password="x")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    url = f"/admin/udgaver/frigiv/{document.pk}/"
    form = BeautifulSoup(client.get(url).content, "html.parser")
    token = form.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    data = {
        "csrfmiddlewaretoken": token,
        "label": label,
        "effective_date": "2026-01-01",
        "change_summary": "Kortere opfølgning.",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Edition.objects.get(document=document, label=label)


@pytest.fixture
def topic(national):
    return f"dokument-{national.pk}"


def test_subscribe_confirm_release_unsubscribe(
    smtp, national, topic, django_user_model, django_capture_on_commit_callbacks
):
    inbox = smtp.inbox
    for address in ("a@kommune.dk", "b@region.dk", "never@example.dk"):
        response = subscribe(address, topic)
        assert response.status_code == 200
        assert "Tjek din indbakke" in response.content.decode()
        assert not response.cookies
    assert subscribe("english@example.org", topic, prefix="/en").status_code == 200
    # Nothing is stored before the reader confirms.
    assert not Subscription.objects.exists()
    assert len(inbox.messages) == 4
    assert "Bekræft din tilmelding" in subject(inbox.to("a@kommune.dk")[0])
    assert "Confirm your subscription" in subject(inbox.to("english@example.org")[0])

    confirm(inbox, "a@kommune.dk")
    confirm(inbox, "b@region.dk")
    confirm(inbox, "english@example.org")
    confirm(inbox, "b@region.dk")  # a second click changes nothing
    assert Subscription.objects.count() == 3
    inbox.messages.clear()

    with django_capture_on_commit_callbacks(execute=True):
        edition = release_through_admin(national, django_user_model)

    assert sorted(m["To"] for m in inbox.messages) == [
        "a@kommune.dk",
        "b@region.dk",
        "english@example.org",
    ]
    (mail,) = inbox.to("a@kommune.dk")
    assert subject(mail) == "Ny udgave: Model for forløbsprogrammer, 2. udgave"
    body = mail.get_content()
    assert "Kortere opfølgning." in body
    assert f"/udgaver/{edition.slug}/" in body
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    (english,) = inbox.to("english@example.org")
    assert subject(english).startswith("New edition: ")
    assert "(in Danish)" in english.get_content()

    # The unsubscribe link: a page with one button, then gone.
    unsubscribe = link_in(mail, "/afmeld/")
    assert str(mail["List-Unsubscribe"]).strip() == f"<http://testserver{unsubscribe}>"
    client = Client()
    assert "Afmeld" in client.get(unsubscribe).content.decode()
    assert Subscription.objects.filter(email="a@kommune.dk").exists()  # a GET changes nothing
    assert client.post(unsubscribe).status_code == 200
    assert not Subscription.objects.filter(email="a@kommune.dk").exists()
    assert client.get(unsubscribe).status_code == 404

    # The mail program's one-click unsubscribe (RFC 8058).
    (other,) = inbox.to("b@region.dk")
    one_click = re.match(r"<http://testserver(.+)>", str(other["List-Unsubscribe"]).strip())[1]
    response = Client().post(
        one_click, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert list(Subscription.objects.values_list("email", flat=True)) == ["english@example.org"]


def release_edition_now(document, label="2. udgave"):
    return release_edition(
        document,
        label=label,
        effective_date=datetime.date(2026, 1, 1),
        change_summary="Kortere opfølgning.",
    )


def subscribed(document, *addresses, language="da"):
    for address in addresses:
        Subscription.objects.create(
            email=address, document=document, language=language, confirmed_at="2026-01-01T00:00Z"
        )


def test_a_mail_server_that_is_down_keeps_the_mail_for_a_retry(
    smtp, national, django_capture_on_commit_callbacks
):
    subscribed(national, "a@kommune.dk", "b@kommune.dk")
    smtp.stop()  # nothing listens on the port now
    with django_capture_on_commit_callbacks(execute=True):
        release_edition_now(national)
    mails = OutboxMail.objects.order_by("pk")
    assert [m.status for m in mails] == [MailStatus.PENDING, MailStatus.PENDING]
    assert mails[0].attempts == 1 and mails[0].last_error  # tried, refused, kept
    assert not smtp.inbox.messages

    smtp.start()  # up again, on the same port
    call_command("send_alert_mails")
    assert sorted(m["To"] for m in smtp.inbox.messages) == ["a@kommune.dk", "b@kommune.dk"]
    assert set(OutboxMail.objects.values_list("status", flat=True)) == {MailStatus.SENT}

    # The same send again (a task run twice, a retry after success): nothing twice.
    send_alert_mails.call()
    call_command("send_alert_mails")
    assert len(smtp.inbox.messages) == 2
