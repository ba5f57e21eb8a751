"""A region's subscribers hear when the region publishes an adaptation (once a day
however often it is re-published) or a new case (once); bad input is a clear 4xx
that stores nothing; editors see counts, never addresses."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client

from alerts.models import Subscription
from casebook.factories import CasePageFactory
from core.guarded_forms import stamp
from guidelines.factories import RegionalAdaptationPageFactory
from guidelines.models import Region
from guidelines.permissions import setup_permissions

MIDT_EDITORS = "Region Midtjylland – redaktører"


def follow(region, *addresses, language="da"):
    for address in addresses:
        Subscription.objects.create(
            email=address, region=region, language=language, confirmed_at="2026-01-01T00:00Z"
        )


@pytest.fixture
def midt(regions):
    return Region.objects.get(slug="midtjylland")


def test_adaptation_and_new_case_reach_the_regions_subscribers_once(
    smtp, regions, national, midt, django_capture_on_commit_callbacks
):
    follow(midt, "midt@kommune.dk")
    follow(Region.objects.get(slug="syddanmark"), "syd@kommune.dk")
    adaptation = RegionalAdaptationPageFactory(
        parent=regions["midtjylland"],
        document=national,
        based_on=national.edition_list[-1],
        title="Model for forløbsprogrammer i Region Midtjylland",
    )
    for _ in range(2):  # a morning's corrections are one publication
        with django_capture_on_commit_callbacks(execute=True):
            adaptation.save_revision().publish()
    case = CasePageFactory(
        parent=regions["midtjylland"], region=midt, title="Fælles tovholder i Randers", live=False
    )
    for _ in range(2):  # re-publishing a case is not news
        with django_capture_on_commit_callbacks(execute=True):
            case.save_revision().publish()

    subjects = [" ".join(str(m["Subject"]).split()) for m in smtp.inbox.messages]
    assert subjects == [
        "Region Midtjylland: Model for forløbsprogrammer i Region Midtjylland",
        "Ny case i Region Midtjylland: Fælles tovholder i Randers",
    ]
    assert {m["To"] for m in smtp.inbox.messages} == {"midt@kommune.dk"}
    assert case.url.strip("/").split("/")[-1] in smtp.inbox.messages[1].get_content()


def post(data, **headers):
    payload = {"email": "a@kommune.dk", "topic": "region-midtjylland", "stamp": stamp()}
    return Client().post("/abonnement/", {**payload, **data}, **headers)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "ikke en adresse"}, "Skriv en gyldig e-mailadresse"),
        ({"email": ""}, "Skriv din e-mailadresse"),
        ({"topic": "dokument-999999"}, "Vælg hvad du vil have besked om"),
        ({"topic": "region-atlantis"}, "Vælg hvad du vil have besked om"),
        ({"stamp": "forfalsket"}, "kom ikke fra en side"),
    ],
)
def test_bad_input_is_a_form_error_and_sends_nothing(smtp, midt, data, message):
    response = post(data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not smtp.inbox.messages
    # What the reader typed is still there.
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", {"name": "email"})["value"] == data.get("email", "a@kommune.dk")


def test_one_address_gets_at_most_three_confirmations_an_hour(smtp, midt):
    statuses = [post({}, REMOTE_ADDR=f"192.0.2.{n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert len(smtp.inbox.messages) == 3
    assert "Prøv igen om en time" in post({}, REMOTE_ADDR="192.0.2.9").content.decode()


def test_a_mail_server_down_at_subscribing_is_a_503_that_keeps_the_form(smtp, midt):
    smtp.stop()
    response = post({})
    assert response.status_code == 503
    assert "Vi kunne ikke sende mailen" in response.content.decode()
    assert 'value="a@kommune.dk"' in response.content.decode()


def test_forged_and_expired_confirmation_links_are_refused(smtp, midt):
    assert Client().post("/abonnement/bekraeft/noget-forfalsket/").status_code == 400
    post({})
    link = smtp.inbox.messages[0].get_content().split("http://testserver")[1].split()[0]
    with mock.patch("alerts.mails.CONFIRM_MAX_AGE", -1):
        response = Client().post(link)
    assert response.status_code == 400 and "for gammelt" in response.content.decode()
    assert not Subscription.objects.exists()
    assert Client().post(link).status_code == 200
    assert Subscription.objects.get().email == "a@kommune.dk"


def test_a_filled_honeypot_is_thanked_and_sends_nothing(smtp, midt):
    response = post({"website": "http://spam.example"})
    assert response.status_code == 200 and not smtp.inbox.messages


def test_editors_see_counts_and_no_address(regions, national, midt, django_user_model):
    follow(midt, "hemmelig@kommune.dk", "anden@kommune.dk")
    setup_permissions()
    editor = django_user_model.objects.create_user("midt", password="x")
    editor.groups.add(Group.objects.get(name=MIDT_EDITORS))
    staff = Client()
    staff.force_login(editor)
    response = staff.get("/admin/abonnementer/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    counts = {
        " ".join(row.find_all("td")[0].get_text().split()): row.find_all("td")[1].get_text()
        for row in soup.select(".alerts-counts tbody tr")
    }
    assert counts["Nyt fra Region Midtjylland: tilpasninger og cases"] == "2"
    assert counts["Nye udgaver af Model for forløbsprogrammer"] == "0"
    assert "@kommune.dk" not in response.content.decode()
    admin = django_user_model.objects.create_superuser("root", password="x")
    staff.force_login(admin)
    assert "@kommune.dk" not in staff.get("/admin/abonnementer/").content.decode()


def test_pages_link_to_the_subscription_with_the_topic_chosen(client, regions, national):
    html = client.get(national.url).content.decode()
    link = BeautifulSoup(html, "html.parser").select_one(".alerts-link a")["href"]
    assert link == f"/abonnement/?emne=dokument-{national.pk}"
    form = BeautifulSoup(client.get(link).content, "html.parser")
    assert form.select_one("select[name=topic] option[selected]")["value"] == (
        f"dokument-{national.pk}"
    )
    region_html = client.get(regions["midtjylland"].url).content.decode()
    assert "/abonnement/?emne=region-midtjylland" in region_html


def test_subscription_pages_set_no_cookie(client, midt):
    assert not client.get("/abonnement/").cookies
    assert not post({"email": "x"}).cookies
