"""Speaker search by the words of a name, in any order, and a speaker's counts from the index.

- `whosaid_key_words(search_keys)` is every word of a speaker's keys (`moon-jae-in` gives
  moon, jae, in); a GIN index on it answers `Moon` or `Seong-rak Wi` with an index lookup.
- A speaker's page counts their quotes per outlet and per year: the (speaker, published_at)
  index covers the outlet too, so those are index-only scans.
"""

from django.db import migrations, models

FORWARD = r"""
CREATE FUNCTION whosaid_key_words(keys text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT w FROM unnest(keys) AS k,
            regexp_split_to_table(lower(k), '[^[:alnum:]]+') AS w
        WHERE w <> ''
    );

CREATE INDEX speaker_key_words_gin ON quotes_speaker
    USING gin (whosaid_key_words(search_keys::text[]));
"""

REVERSE = """
DROP INDEX IF EXISTS speaker_key_words_gin;
DROP FUNCTION IF EXISTS whosaid_key_words(text[]);
"""


class Migration(migrations.Migration):
    dependencies = [("quotes", "0005_speaker_version")]

    operations = [
        migrations.RunSQL(FORWARD, REVERSE),
        migrations.RemoveIndex(model_name="quote", name="quote_speaker_published_idx"),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                fields=["speaker", "published_at"],
                include=["outlet"],
                name="quote_speaker_published_idx",
            ),
        ),
    ]
