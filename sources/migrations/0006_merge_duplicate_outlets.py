"""Merge outlets that ingestion created for a name the registry already knew, and give an
outlet to articles whose URL is on a registered domain.

Before matching learnt case, accents, a leading "the" and aliases, `the korea herald` or
`Yonhap News Agency` became outlets of their own. Each such duplicate is folded into the
outlet registered first with that name or alias: its articles move (their quotes follow, by
trigger), its name becomes an alias, its domains are kept. The key is written out here, not
imported, so that the migration does the same whatever the code becomes.
"""

import re
import unicodedata
from urllib.parse import urlsplit

from django.db import migrations


def name_key(name):
    folded = unicodedata.normalize("NFKD", name.casefold())
    words = re.findall(r"[^\W_]+", "".join(ch for ch in folded if not unicodedata.combining(ch)))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def merge_outlets(apps, schema_editor):
    alias = schema_editor.connection.alias
    outlets = apps.get_model("sources", "Outlet").objects.using(alias)
    articles = apps.get_model("sources", "Article").objects.using(alias)
    first_with_key = {}
    for outlet in outlets.order_by("id"):
        canonical = first_with_key.get(name_key(outlet.name))
        if canonical is None:
            for name in (outlet.name, *outlet.aliases):
                first_with_key.setdefault(name_key(name), outlet)
            continue
        articles.filter(outlet_id=outlet.id).update(outlet_id=canonical.id)
        known = {name_key(n) for n in (canonical.name, *canonical.aliases)}
        canonical.aliases += [n for n in (outlet.name, *outlet.aliases) if name_key(n) not in known]
        canonical.domains += [d for d in outlet.domains if d not in canonical.domains]
        canonical.save(update_fields=["aliases", "domains"])
        outlet.delete()
    _outlets_from_urls(outlets, articles)


def _outlets_from_urls(outlets, articles):
    by_domain = {domain.lower(): o.id for o in outlets.all() for domain in o.domains}
    for article_id, url in articles.filter(outlet__isnull=True, url__isnull=False).values_list(
        "id", "url"
    ):
        try:
            host = (urlsplit(url).hostname or "").rstrip(".")
        except ValueError:
            continue
        parts = host.split(".")
        for start in range(len(parts) - 1):
            outlet_id = by_domain.get(".".join(parts[start:]))
            if outlet_id is not None:
                articles.filter(id=article_id).update(outlet_id=outlet_id)
                break


class Migration(migrations.Migration):
    dependencies = [("sources", "0005_article_history")]

    # Not reversible into the duplicates, and nothing to undo for the rest.
    operations = [migrations.RunPython(merge_outlets, migrations.RunPython.noop)]
