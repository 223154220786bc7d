"""Check quote offsets once per statement instead of once per row.

Ingestion copies the quotes of many articles in one statement; the row trigger read (and
decompressed) the article body once per quote. Now the row trigger only copies the article's
date and outlet (a primary-key read that leaves the body alone), and a statement trigger checks
the offsets of all new rows against their bodies at once, with the same error.
"""

from django.db import migrations

FORWARD = """
DROP TRIGGER quote_from_article ON quotes_quote;
DROP FUNCTION quotes_quote_from_article();

CREATE FUNCTION quotes_quote_copies_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT published_at, outlet_id INTO NEW.published_at, NEW.outlet_id
      FROM sources_article WHERE id = NEW.article_id;
    RETURN NEW;
END $$;

CREATE TRIGGER quote_copies_article
    BEFORE INSERT OR UPDATE OF article_id, published_at, outlet_id ON quotes_quote
    FOR EACH ROW EXECUTE FUNCTION quotes_quote_copies_article();

CREATE FUNCTION quotes_quotes_inside_body() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
    SELECT n.start, n."end", char_length(a.body) AS body_length INTO bad
      FROM (SELECT article_id, min(start) AS start,
                   max(greatest("end", coalesce(mention_end, 0))) AS "end"
              FROM new_quotes GROUP BY article_id) n
      JOIN sources_article a ON a.id = n.article_id
     WHERE n."end" > char_length(a.body)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'quote offsets %-% lie outside the article body (% characters)',
            bad.start, bad."end", bad.body_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'quote_inside_body';
    END IF;
    RETURN NULL;
END $$;

-- On update, only rows whose offsets or article changed are checked: an article whose body
-- is being replaced updates its quotes' date copies before their offsets catch up, and the
-- deferred article_body_covers_quotes check covers that transaction at commit.
CREATE FUNCTION quotes_moved_quotes_inside_body() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
    SELECT n.start, n."end", char_length(a.body) AS body_length INTO bad
      FROM new_quotes n
      JOIN old_quotes o ON o.id = n.id
      JOIN sources_article a ON a.id = n.article_id
     WHERE (n.start, n."end", n.mention_end, n.article_id)
           IS DISTINCT FROM (o.start, o."end", o.mention_end, o.article_id)
       AND greatest(n."end", coalesce(n.mention_end, 0)) > char_length(a.body)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'quote offsets %-% lie outside the article body (% characters)',
            bad.start, bad."end", bad.body_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'quote_inside_body';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER quotes_inserted_inside_body AFTER INSERT ON quotes_quote
    REFERENCING NEW TABLE AS new_quotes
    FOR EACH STATEMENT EXECUTE FUNCTION quotes_quotes_inside_body();
CREATE TRIGGER quotes_updated_inside_body AFTER UPDATE ON quotes_quote
    REFERENCING OLD TABLE AS old_quotes NEW TABLE AS new_quotes
    FOR EACH STATEMENT EXECUTE FUNCTION quotes_moved_quotes_inside_body();
"""

REVERSE = """
DROP TRIGGER IF EXISTS quotes_updated_inside_body ON quotes_quote;
DROP TRIGGER IF EXISTS quotes_inserted_inside_body ON quotes_quote;
DROP FUNCTION IF EXISTS quotes_moved_quotes_inside_body();
DROP FUNCTION IF EXISTS quotes_quotes_inside_body();
DROP TRIGGER IF EXISTS quote_copies_article ON quotes_quote;
DROP FUNCTION IF EXISTS quotes_quote_copies_article();

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
"""


class Migration(migrations.Migration):
    dependencies = [("quotes", "0003_api_lookup_indexes")]

    operations = [migrations.RunSQL(FORWARD, REVERSE)]
