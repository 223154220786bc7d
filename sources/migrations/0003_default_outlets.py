"""A starting outlet registry, so ingestion recognises common outlets on a fresh database.

Staff extend it in admin. The list is written out here (not imported) because a data
migration must give the same rows whatever the code becomes later.
"""

from django.db import migrations

OUTLETS = [
    ("The Korea Herald", ["koreaherald.com", "heraldcorp.com"], ["Korea Herald"], "Asia/Seoul"),
    ("The Korea Times", ["koreatimes.co.kr"], ["Korea Times"], "Asia/Seoul"),
    ("The Hankyoreh", ["hani.co.kr"], ["Hankyoreh"], "Asia/Seoul"),
    ("Yonhap", ["yna.co.kr", "yonhapnews.co.kr"], ["Yonhap News Agency"], "Asia/Seoul"),
    (
        "Asharq Al-Awsat",
        ["aawsat.com"],
        ["Asharq Al-awsat", "Asharq Al-Awsat English"],
        "Europe/London",
    ),
    ("Reuters", ["reuters.com"], [], "UTC"),
    ("The Associated Press", ["apnews.com", "ap.org"], ["Associated Press"], "America/New_York"),
    ("The New York Times", ["nytimes.com"], ["New York Times"], "America/New_York"),
    ("The Washington Post", ["washingtonpost.com"], ["Washington Post"], "America/New_York"),
    ("Politico", ["politico.com"], [], "America/New_York"),
    ("HuffPost", ["huffpost.com", "huffingtonpost.com"], ["Huffington Post"], "America/New_York"),
    ("Breitbart", ["breitbart.com"], ["Breitbart News"], "America/New_York"),
    ("USA Today", ["usatoday.com"], [], "America/New_York"),
    ("The Western Journal", ["westernjournal.com"], ["Western Journal"], "America/New_York"),
    ("BBC News", ["bbc.co.uk", "bbc.com"], ["BBC"], "Europe/London"),
    ("The Guardian", ["theguardian.com"], ["Guardian"], "Europe/London"),
]


def add_outlets(apps, schema_editor):
    # The database being migrated, which is not always the default one (`migrate --database`).
    outlets = apps.get_model("sources", "Outlet").objects.using(schema_editor.connection.alias)
    for name, domains, aliases, timezone in OUTLETS:
        outlets.get_or_create(
            name=name, defaults={"domains": domains, "aliases": aliases, "timezone": timezone}
        )


def remove_outlets(apps, schema_editor):
    outlets = apps.get_model("sources", "Outlet").objects.using(schema_editor.connection.alias)
    outlets.filter(name__in=[name for name, *_ in OUTLETS], articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("sources", "0002_offset_triggers")]

    operations = [migrations.RunPython(add_outlets, remove_outlets)]
