"""Integrity a CHECK constraint cannot express, kept by the database itself.

- A quote's offsets (and its mention's) lie inside its article's body.
- A quote carries copies of its article's publication date and outlet, so that date-ordered
  and outlet-filtered quote lists use one index; the copies follow every article change.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION quotes_quote_from_article() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE body_length integer;
BEGIN
    SELECT char_length(body), published_at, outlet_id
      INTO body_length, NEW.published_at, NEW.outlet_id
      FROM sources_article WHERE id = NEW.article_id;
    IF NEW."end" > body_length OR coalesce(NEW.mention_end, 0) > body_length THEN
        RAISE EXCEPTION 'quote offsets %-% lie outside the article body (% characters)',
            NEW.start, NEW."end", body_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'quote_inside_body';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER quote_from_article BEFORE INSERT OR UPDATE ON quotes_quote
    FOR EACH ROW EXECUTE FUNCTION quotes_quote_from_article();

CREATE FUNCTION quotes_follow_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.published_at IS DISTINCT FROM OLD.published_at
       OR NEW.outlet_id IS DISTINCT FROM OLD.outlet_id THEN
        UPDATE quotes_quote SET published_at = NEW.published_at, outlet_id = NEW.outlet_id
         WHERE article_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER quotes_follow_article AFTER UPDATE OF published_at, outlet_id ON sources_article
    FOR EACH ROW EXECUTE FUNCTION quotes_follow_article();

CREATE FUNCTION quotes_article_body_covers_quotes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM quotes_quote q JOIN sources_article a ON a.id = q.article_id
               WHERE a.id = NEW.id AND q."end" > char_length(a.body)) THEN
        RAISE EXCEPTION 'article % has quotes past the end of its body', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'quote_inside_body';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER article_body_covers_quotes AFTER UPDATE OF body ON sources_article
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION quotes_article_body_covers_quotes();
"""

REVERSE = """
DROP TRIGGER IF EXISTS article_body_covers_quotes ON sources_article;
DROP FUNCTION IF EXISTS quotes_article_body_covers_quotes();
DROP TRIGGER IF EXISTS quotes_follow_article ON sources_article;
DROP FUNCTION IF EXISTS quotes_follow_article();
DROP TRIGGER IF EXISTS quote_from_article ON quotes_quote;
DROP FUNCTION IF EXISTS quotes_quote_from_article();
"""


class Migration(migrations.Migration):
    dependencies = [("quotes", "0001_initial"), ("sources", "0002_offset_triggers")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
