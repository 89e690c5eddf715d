"""Create the first desk account, `editor`, once; later runs change nothing.

`make run` calls this on every start, so it must be idempotent: an existing
`editor` keeps its password even if NEWSROOM_EDITOR_PASSWORD changed.
"""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

USERNAME = "editor"
GROUP = "主编"
PASSWORD_ENV = "NEWSROOM_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = f"Create the staff user '{USERNAME}' in group {GROUP} if it does not exist (password from ${PASSWORD_ENV})."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(_("user '%(user)s' already exists; nothing changed") % {"user": USERNAME})
            return

        password = os.environ.get(PASSWORD_ENV, "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)

        # The group normally comes from fixtures/groups.json; create it bare if
        # that was not loaded so the account is still usable.
        group, _created = Group.objects.get_or_create(name=GROUP)
        # Superuser so a fresh install can manage users and groups too.
        user = User.objects.create_superuser(username=USERNAME, email="", password=password)
        user.groups.add(group)

        self.stdout.write(self.style.SUCCESS(_("created user '%(user)s' (staff, group %(group)s)") % {"user": USERNAME, "group": GROUP}))
        if generated:
            # Shown this once only: it is stored hashed.
            self.stdout.write(_("password: %(password)s") % {"password": password})
            self.stdout.write(
                _("(set $%(env)s to choose it; change it later with `manage.py changepassword %(user)s`)")
                % {"env": PASSWORD_ENV, "user": USERNAME}
            )
