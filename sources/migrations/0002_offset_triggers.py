"""Integrity a CHECK constraint cannot express: sentence offsets lie inside the article body."""

from django.db import migrations

FORWARD = """
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

-- A body may shrink only once the sentences past its new end are gone: checked at commit,
-- so that one transaction can replace the body and its sentences together.
CREATE FUNCTION sources_article_body_covers_sentences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM sources_sentence s JOIN sources_article a ON a.id = s.article_id
               WHERE a.id = NEW.id AND s."end" > char_length(a.body)) THEN
        RAISE EXCEPTION 'article % has sentences past the end of its body', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'sentence_inside_body';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER article_body_covers_sentences AFTER UPDATE OF body ON sources_article
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION sources_article_body_covers_sentences();
"""

REVERSE = """
DROP TRIGGER IF EXISTS article_body_covers_sentences ON sources_article;
DROP FUNCTION IF EXISTS sources_article_body_covers_sentences();
DROP TRIGGER IF EXISTS sentence_inside_body ON sources_sentence;
DROP FUNCTION IF EXISTS sources_sentence_inside_body();
"""


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
