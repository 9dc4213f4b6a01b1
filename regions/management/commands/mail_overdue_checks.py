"""Mail each region's editors the content that has not been checked against reality for 12 months."""

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from regions.models import Content, Region, RegionMembership
from regions.models.content import CHECK_INTERVAL_MONTHS


def content_models() -> list:
    """Every model that is regional content, whichever app declares it."""
    return [model for model in apps.get_models() if issubclass(model, Content)]


def overdue_lines(region: Region, months: int) -> list[str]:
    lines = []
    for model in content_models():
        for obj in model.objects.filter(region=region).overdue_for_check(months):
            when = f"laatst gecontroleerd: {obj.checked_at:%d-%m-%Y}" if obj.checked_at else "nooit gecontroleerd"
            lines.append(f"- {model._meta.verbose_name}: {obj} ({when})")
    return lines


class Command(BaseCommand):
    help = "Mailt redacteuren per regio welke inhoud langer dan 12 maanden niet is gecontroleerd."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=CHECK_INTERVAL_MONTHS, help="Na hoeveel maanden iets verlopen is (standaard 12)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Toon wat er gemaild zou worden; verstuur niets.")

    def handle(self, *args, months, dry_run, **options):
        sent = 0
        for region in Region.objects.filter(is_national=False):
            overdue = overdue_lines(region, months)
            memberships = RegionMembership.objects.filter(region=region, user__is_active=True).select_related("user")
            recipients = sorted({m.user.email for m in memberships if m.user.email})
            if not overdue or not recipients:
                continue
            if dry_run:
                self.stdout.write(f"{region.name}: {len(overdue)} item(s) naar {', '.join(recipients)}")
                continue
            body = (
                f"Beste redacteur van {region.name},\n\n"
                f"Deze {len(overdue)} item(s) zijn langer dan {months} maanden niet gecontroleerd tegen de werkelijkheid:\n\n"
                + "\n".join(overdue[:500])
                + "\n\nControleer ze in het beheer en zet het vinkje 'Gecontroleerd tegen de werkelijkheid'.\n"
            )
            subject = f"Wie doet wat: {len(overdue)} item(s) te controleren in {region.name}"
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
            sent += 1
        self.stdout.write(self.style.SUCCESS(f"{sent} e-mail(s) verstuurd."))
