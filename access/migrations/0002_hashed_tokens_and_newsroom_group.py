"""Move DRF's plaintext tokens to knox (only their hash is kept) and create the newsroom group.

Every existing key keeps working, unchanged for its client, but the database no longer holds
it: knox stores the SHA-512 digest and the first characters to find it by. Migrated tokens do
not expire (their clients were promised none); issue new ones with an expiry and delete these.
The newsroom group may store and replace articles; nobody is added to it here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from knox.crypto import hash_token
from knox.settings import CONSTANTS

NEWSROOM_PERMISSIONS = [("sources", "add_article"), ("sources", "change_article")]


def tokens_to_knox(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated, not always `default`
    plain = apps.get_model("authtoken", "Token")
    hashed = apps.get_model("knox", "AuthToken")
    hashed.objects.using(db).bulk_create(
        hashed(
            digest=hash_token(token.key),
            token_key=token.key[: CONSTANTS.TOKEN_KEY_LENGTH],
            user_id=token.user_id,
            expiry=None,
        )
        for token in plain.objects.using(db).all()
    )
    plain.objects.using(db).all().delete()


def newsroom_group(apps, schema_editor):
    db = schema_editor.connection.alias
    for app_config in apps.get_app_configs():  # permissions are made after migrations otherwise
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=db)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = group_model.objects.using(db).get_or_create(name="newsroom")
    for app_label, codename in NEWSROOM_PERMISSIONS:
        group.permissions.add(
            permission_model.objects.using(db).get(
                content_type__app_label=app_label, codename=codename
            )
        )


def no_newsroom_group(apps, schema_editor):
    db = schema_editor.connection.alias
    apps.get_model("auth", "Group").objects.using(db).filter(name="newsroom").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0001_throttle_windows"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("knox", "0009_extend_authtoken_field"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0001_initial"),
    ]

    operations = [
        # Irreversible by design: the plaintext keys are not kept anywhere.
        migrations.RunPython(tokens_to_knox, migrations.RunPython.noop),
        migrations.RunPython(newsroom_group, no_newsroom_group),
    ]
