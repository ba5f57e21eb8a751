from django.core.management.base import BaseCommand, CommandError

from core.content import ContentError, import_content


class Command(BaseCommand):
    help = (
        "Importerer indhold fra en YAML/JSON-fil eller en mappe af filer "
        "(docs/content-format.md). Alt eller intet: en fejl ændrer intet."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="En indholdsfil eller en mappe med indholdsfiler")

    def handle(self, path, **options):
        try:
            stats = import_content(path)
        except ContentError as error:
            raise CommandError(f"Intet blev importeret. {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                "Import færdig: {created} oprettet, {updated} ændret, {unchanged} uændret.".format(
                    **stats
                )
            )
        )
