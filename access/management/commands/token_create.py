"""Issue an API token: printed once, stored only as a hash."""

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from knox.models import AuthToken
from knox.settings import knox_settings

from access.permissions import NEWSROOM_GROUP
from access.services import newsroom_group_get


class Command(BaseCommand):
    help = (
        "Create an API token for USER and print it (it cannot be shown again). "
        "--newsroom also lets USER store articles."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days until the token expires (0: never; default: TOKEN_TTL_DAYS).",
        )
        parser.add_argument(
            "--newsroom",
            action="store_true",
            help=f"Add USER to the {NEWSROOM_GROUP!r} group (may store and replace articles).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: options["username"]})
        except user_model.DoesNotExist:
            raise CommandError(f"No user {options['username']!r}: create it first.") from None
        days = options["days"]
        if days is not None and days < 0:
            raise CommandError("--days must be 0 (never expires) or more.")
        expiry = knox_settings.TOKEN_TTL
        if days is not None:
            expiry = datetime.timedelta(days=days) if days else None
        if options["newsroom"]:
            user.groups.add(newsroom_group_get())
        instance, token = AuthToken.objects.create(user=user, expiry=expiry)
        until = (
            f"expires {instance.expiry:%Y-%m-%d %H:%M} UTC" if instance.expiry else "never expires"
        )
        self.stderr.write(f"Token for {user} ({until}); it is shown only once:")
        self.stdout.write(token)
