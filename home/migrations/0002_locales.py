"""The site's two content locales: Danish (the source) and English, synced from Danish.

Wagtail's own migration (wagtailcore 0054) made the first locale from
LANGUAGE_CODE as it was when the database was created: "da" here, but a
database first migrated with Wagtail's default ("en") has one locale "en"
that holds the Danish pages. Then that locale is renamed "da" before "en" is
made, so the pages keep their locale and their language.

The LocaleSynchronization is wagtail-localize's "sync from" setting: English
follows Danish, so every Danish page gets an English alias until someone
translates it (`manage.py sync_languages` fills the tree in; pages created
in the admin get theirs at once). Saved from a migration, the setting does not
sync the trees by itself; `make demo` runs the command after importing.
"""

from django.db import migrations

SOURCE, SECOND = "da", "en"


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")

    source = Locale.objects.filter(language_code=SOURCE).first()
    if source is None:
        only = list(Locale.objects.all()[:2])
        if len(only) == 1 and only[0].language_code == SECOND:
            source = only[0]
            source.language_code = SOURCE
            source.save(update_fields=["language_code"])
        else:
            source = Locale.objects.create(language_code=SOURCE)
    second, _created = Locale.objects.get_or_create(language_code=SECOND)
    LocaleSynchronization.objects.update_or_create(locale=second, defaults={"sync_from": source})


def backwards(apps, schema_editor):
    # The locales stay: pages may be in them. Only the sync setting goes.
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    LocaleSynchronization.objects.filter(locale__language_code=SECOND).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
