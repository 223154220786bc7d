"""Speaker search by any of the words of a name, in any order: `Moon` or `Seong-rak Wi`.

Each stored key (`wi-seong-rak`) is split into its words (`wi`, `seong`, `rak`); a GIN index
on that array answers "every word of the query is a word of the name or of an alias".
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION whosaid_key_words(keys text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(
        SELECT DISTINCT word
        FROM unnest(keys) AS k, regexp_split_to_table(lower(k), '[^[:alnum:]]+') AS word
        WHERE word <> ''
    );

CREATE INDEX speaker_key_words_gin ON quotes_speaker
    USING gin (whosaid_key_words(search_keys::text[]));
"""

REVERSE = """
DROP INDEX IF EXISTS speaker_key_words_gin;
DROP FUNCTION IF EXISTS whosaid_key_words(text[]);
"""


class Migration(migrations.Migration):
    dependencies = [("quotes", "0006_claims_share_the_quote_table")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
