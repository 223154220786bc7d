"""Indexes for the read API that the model fields do not imply.

- Speaker name search ignores spacing as well as case, accents and hyphens: `wi seongrak`
  finds `Wi Seong-rak`. Stored keys keep word separators (`wi-seong-rak`), so the API
  compares keys with every non-alphanumeric character removed; a GIN index on that
  expression keeps it an index lookup.
- The speaker list is ordered by name then id (keyset pagination) on a large table.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION whosaid_compact_keys(keys text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(SELECT regexp_replace(lower(k), '[^[:alnum:]]+', '', 'g') FROM unnest(keys) AS k);

CREATE INDEX speaker_compact_keys_gin ON quotes_speaker
    USING gin (whosaid_compact_keys(search_keys::text[]));

CREATE INDEX speaker_name_id_idx ON quotes_speaker (name, id);
"""

REVERSE = """
DROP INDEX IF EXISTS speaker_name_id_idx;
DROP INDEX IF EXISTS speaker_compact_keys_gin;
DROP FUNCTION IF EXISTS whosaid_compact_keys(text[]);
"""


class Migration(migrations.Migration):
    dependencies = [("quotes", "0002_quote_triggers")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
