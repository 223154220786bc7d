"""Writes for access: the newsroom group."""

from django.contrib.auth.models import Group, Permission

from access.permissions import INGEST_PERMISSION, NEWSROOM_GROUP, REPLACE_PERMISSION


def newsroom_group_get() -> Group:
    """The group whose members may store and replace articles (made by a migration; made again
    here if someone deleted it)."""
    group, created = Group.objects.get_or_create(name=NEWSROOM_GROUP)
    if created:
        for name in (INGEST_PERMISSION, REPLACE_PERMISSION):
            app_label, codename = name.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return group
