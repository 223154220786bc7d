"""Claims in reported speech are rows of the quote table, kind "indirect".

A quote and a claim may share a span (two partial unique constraints instead of one), and
partial indexes serve the claims list by date and the claims review queue. Going back deletes
the claims first: the old kind check cannot hold them (quotes are untouched).
"""

from django.db import migrations, models


def forget_claims(apps, schema_editor):
    quotes = apps.get_model("quotes", "Quote").objects.using(schema_editor.connection.alias)
    quotes.filter(kind="indirect").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quotes", "0005_speaker_version"),
        ("sources", "0004_sentence_check_per_statement"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="quote",
            name="quote_kind_valid",
        ),
        migrations.RemoveConstraint(
            model_name="quote",
            name="quote_unique_span",
        ),
        migrations.AlterField(
            model_name="historicalquote",
            name="kind",
            field=models.CharField(
                choices=[
                    ("full", "full"),
                    ("partial", "partial"),
                    ("continuation", "continuation"),
                    ("indirect", "indirect (claim)"),
                ],
                default="full",
                max_length=12,
            ),
        ),
        migrations.AlterField(
            model_name="historicalquote",
            name="text",
            field=models.TextField(
                help_text="The quote without its quote marks; for a claim, the reported clause."
            ),
        ),
        migrations.AlterField(
            model_name="quote",
            name="kind",
            field=models.CharField(
                choices=[
                    ("full", "full"),
                    ("partial", "partial"),
                    ("continuation", "continuation"),
                    ("indirect", "indirect (claim)"),
                ],
                default="full",
                max_length=12,
            ),
        ),
        migrations.AlterField(
            model_name="quote",
            name="text",
            field=models.TextField(
                help_text="The quote without its quote marks; for a claim, the reported clause."
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                condition=models.Q(("kind", "indirect")),
                fields=["published_at", "id"],
                name="claim_published_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                condition=models.Q(("kind", "indirect")),
                fields=["status", "confidence"],
                name="claim_review_queue_idx",
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["full", "partial", "continuation", "indirect"])),
                name="quote_kind_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "indirect"), _negated=True),
                fields=("article", "start", "end"),
                name="quote_unique_span",
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "indirect")),
                fields=("article", "start", "end"),
                name="claim_unique_span",
            ),
        ),
        # Last, so that going back runs it first.
        migrations.RunPython(migrations.RunPython.noop, forget_claims, elidable=True),
    ]
