from django.core.management.base import BaseCommand

from applications import mail


class Command(BaseCommand):
    help = (
        "Sendet E-Mails zu Anträgen, die der Mailserver beim Speichern nicht angenommen hat "
        "(Eingangsbestätigung, Meldung an die Koordinierungsstelle, Statusmitteilungen). "
        "Alle paar Minuten ausführen (siehe README)."
    )

    def handle(self, *args, **options):
        with mail.queue_run() as mine:
            if not mine:
                self.stdout.write("Ein anderer Lauf sendet gerade; dieser sendet nichts.")
                return
            queued = list(mail.pending())
            sent = mail.deliver(queued)
            waiting = mail.pending().count()
        self.stdout.write(f"{sent} E-Mails versandt, {waiting} warten noch.")
        if waiting and sent < len(queued):
            # A non-zero exit lets cron or the systemd timer report the failing relay.
            raise SystemExit(1)
