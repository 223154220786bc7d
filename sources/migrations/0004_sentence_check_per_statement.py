"""Check sentence offsets once per statement instead of once per row.

Ingestion inserts the sentences of many articles in one statement; a row trigger read (and
decompressed) the article body once per sentence. The statement trigger joins the new rows
to their articles once, with the same guarantee and the same error.
"""

from django.db import migrations

FORWARD = """
DROP TRIGGER sentence_inside_body ON sources_sentence;
DROP FUNCTION sources_sentence_inside_body();

CREATE FUNCTION sources_sentences_inside_body() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
    SELECT n.start, n."end", char_length(a.body) AS body_length INTO bad
      FROM (SELECT article_id, max("end") AS "end", min(start) AS start
              FROM new_sentences GROUP BY article_id) n
      JOIN sources_article a ON a.id = n.article_id
     WHERE n."end" > char_length(a.body)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'sentence offsets %-% lie outside the article body (% characters)',
            bad.start, bad."end", bad.body_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sentence_inside_body';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER sentences_inserted_inside_body AFTER INSERT ON sources_sentence
    REFERENCING NEW TABLE AS new_sentences
    FOR EACH STATEMENT EXECUTE FUNCTION sources_sentences_inside_body();
CREATE TRIGGER sentences_updated_inside_body AFTER UPDATE ON sources_sentence
    REFERENCING NEW TABLE AS new_sentences
    FOR EACH STATEMENT EXECUTE FUNCTION sources_sentences_inside_body();
"""

REVERSE = """
DROP TRIGGER IF EXISTS sentences_updated_inside_body ON sources_sentence;
DROP TRIGGER IF EXISTS sentences_inserted_inside_body ON sources_sentence;
DROP FUNCTION IF EXISTS sources_sentences_inside_body();

CREATE FUNCTION sources_sentence_inside_body() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE body_length integer;
BEGIN
    SELECT char_length(body) INTO body_length FROM sources_article WHERE id = NEW.article_id;
    IF NEW."end" > body_length THEN
        RAISE EXCEPTION 'sentence offsets %-% lie outside the article body (% characters)',
            NEW.start, NEW."end", body_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sentence_inside_body';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER sentence_inside_body BEFORE INSERT OR UPDATE ON sources_sentence
    FOR EACH ROW EXECUTE FUNCTION sources_sentence_inside_body();
"""


class Migration(migrations.Migration):
    dependencies = [("sources", "0003_default_outlets")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
