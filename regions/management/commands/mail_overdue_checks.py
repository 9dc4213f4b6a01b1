"""Mail each region's editors the content that has not been checked against reality for 12 months."""

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from regions.models import Content, Region, RegionMembership

MONTHS = 12


def content_models() -> list:
    return [m for m in apps.get_models() if issubclass(m, Content) and m._meta.app_label in {"regions", "directory", "routes"}]


class Command(BaseCommand):
    help = "Mailt redacteuren per regio welke inhoud langer dan 12 maanden niet is gecontroleerd."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=MONTHS, help="Na hoeveel maanden iets verlopen is (standaard 12).")
        parser.add_argument("--dry-run", action="store_true", help="Toon wat er gemaild zou worden; verstuur niets.")

    def handle(self, *args, months, dry_run, **options):
        sent = 0
        for region in Region.objects.filter(is_national=False):
            overdue = []
            for model in content_models():
                for obj in model.objects.filter(region=region).overdue_for_check(months):
                    overdue.append(f"- {model._meta.verbose_name}: {obj} (laatst gecontroleerd: {obj.checked_at:%d-%m-%Y})"
                                   if obj.checked_at else f"- {model._meta.verbose_name}: {obj} (nooit gecontroleerd)")  # fmt: skip
            recipients = sorted(
                {
                    m.user.email
                    for m in RegionMembership.objects.filter(region=region).select_related("user")
                    if m.user.email and m.user.is_active
                }
            )
            if not overdue or not recipients:
                continue
            body = (
                f"Beste redacteur van {region.name},\n\n"
                f"Deze {len(overdue)} item(s) zijn langer dan {months} maanden niet gecontroleerd tegen de werkelijkheid:\n\n"
                + "\n".join(overdue[:500])
                + "\n\nControleer ze in het beheer en zet het vinkje 'Gecontroleerd tegen de werkelijkheid'.\n"
            )
            if dry_run:
                self.stdout.write(f"{region.name}: {len(overdue)} item(s) naar {', '.join(recipients)}")
                continue
            send_mail(f"Wie doet wat: {len(overdue)} item(s) te controleren in {region.name}", body,
                      settings.DEFAULT_FROM_EMAIL, recipients)  # fmt: skip
            sent += 1
        self.stdout.write(self.style.SUCCESS(f"{sent} e-mail(s) verstuurd."))
