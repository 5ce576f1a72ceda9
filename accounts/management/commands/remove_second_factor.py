"""For an editor who lost their phone: the login asks for their password only again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Schaltet die Zwei-Faktor-Anmeldung eines Kontos aus (etwa nach Verlust des Telefons)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Kein Konto „{username}“.")
        removed, _details = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"Zwei-Faktor-Anmeldung für „{username}“ ausgeschaltet ({removed}).")
