"""python manage.py export_annex_a OUT.xlsx [--as-of YYYY-MM-DD]"""
import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from returns.export import annex_a_workbook


class Command(BaseCommand):
    help = "Write Ofsted's Annex A lists, built from Oversight's records, to an xlsx workbook."

    def add_arguments(self, parser):
        parser.add_argument("output")
        parser.add_argument("--as-of", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, output, as_of, **options):
        as_of = as_of or timezone.localdate()
        annex_a_workbook(as_of).save(output)
        self.stdout.write(self.style.SUCCESS(f"Annex A as at {as_of} written to {output}"))
