from django.core.management.base import BaseCommand

from core.content import export_content


class Command(BaseCommand):
    help = (
        "Eksporterer alt indhold i importformatet: til én fil (.yaml/.json) "
        "eller til en mappe med én fil pr. dokument og site.yaml."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="En .yaml/.json-fil eller en mappe")

    def handle(self, path, **options):
        written = export_content(path)
        for file in written:
            self.stdout.write(str(file))
        self.stdout.write(self.style.SUCCESS(f"{len(written)} fil(er) skrevet."))
