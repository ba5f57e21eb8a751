"""Rebuild the public search index from the live, public pages.

Needed after the word lists in search/wordlists change (they shape what is
indexed) and after restoring a database. Wagtail's own `update_index` serves
the admin's page search and is unrelated.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from search.backends import backend_path
from search.indexing import rebuild


class Command(BaseCommand):
    help = "Tømmer den offentlige søgning og indekserer alle udgivne, offentlige sider igen."

    def handle(self, *args, **options):
        started = time.perf_counter()
        with transaction.atomic():
            count = rebuild()
        self.stdout.write(
            f"Søgeindekset er genopbygget: {count} enheder på "
            f"{time.perf_counter() - started:.1f} s ({backend_path().rsplit('.', 1)[-1]})."
        )
