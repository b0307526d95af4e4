"""Render one person's digest as it would be sent today, to look at; sends nothing and records nothing."""
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from compliance import digest
from organisation.models import StaffMember


class Command(BaseCommand):
    help = "Render a person's digest (plain text to stdout; --html/--text write files). Nothing is sent."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="The person's username.")
        parser.add_argument("--html", help="Write the HTML part to this file.")
        parser.add_argument("--text", help="Write the plain-text part to this file.")

    def handle(self, *args, user, html, text, **options):
        person = StaffMember.objects.filter(username=user).first()
        if person is None:
            raise CommandError(f"No staff member with the username {user!r}.")
        context = digest.build(person, today=timezone.localdate(), now=timezone.now())
        if context is None:
            self.stdout.write(f"Nothing new for {user}: no digest would be sent.")
            return
        subject, body, page = digest.render(context)
        for path, content in ((html, page), (text, body)):
            if path:
                with open(path, "w", encoding="utf-8") as out:
                    out.write(content)
        self.stdout.write(f"Subject: {subject}\n\n{body}")
