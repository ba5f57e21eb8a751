from django.core.management.base import BaseCommand

from guidelines.permissions import setup_permissions


class Command(BaseCommand):
    help = (
        "Opretter redaktørgrupperne og regionernes godkendelsesforløb med deres rettigheder "
        "(kan køres igen uden skade)."
    )

    def handle(self, **options):
        groups, workflows = setup_permissions()
        for group in groups:
            self.stdout.write(self.style.SUCCESS(f"Gruppen “{group.name}” er sat op."))
        for workflow in workflows:
            self.stdout.write(self.style.SUCCESS(f"Arbejdsgangen “{workflow.name}” er sat op."))
