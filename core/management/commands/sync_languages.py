from django.core.management.base import BaseCommand

from core.i18n import sync_trees


class Command(BaseCommand):
    help = (
        "Giver hver dansk side en engelsk pendant (et alias, indtil den er oversat) og "
        "ordner de engelske sider som de danske (kan køres igen uden skade)."
    )

    def handle(self, **options):
        created = sync_trees()
        self.stdout.write(self.style.SUCCESS(f"Sprogtræerne er i trit ({created} nye sider)."))
