import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from monev.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Send the reminder e-mails that are due: windows opened, windows closing soon with items missing, "
        "reports returned. Never sends the same reminder twice; run it daily (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.REMINDER_DAYS_BEFORE_CLOSE)
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, default=None, help="YYYY-MM-DD (tests)"
        )

    def handle(self, *args, days: int, today, **options):
        outcome = send_reminders(today=today or timezone.localdate(), days_before_close=days)
        self.stdout.write(
            self.style.SUCCESS(f"Reminders: {outcome.sent} sent, {outcome.skipped} already sent.")
        )
