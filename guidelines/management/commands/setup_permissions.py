from django.core.management.base import BaseCommand

from guidelines.permissions import setup_national_editors


class Command(BaseCommand):
    help = "Opretter redaktørgrupperne med deres rettigheder (kan køres igen uden skade)."

    def handle(self, **options):
        group = setup_national_editors()
        self.stdout.write(self.style.SUCCESS(f"Gruppen “{group.name}” er sat op."))
