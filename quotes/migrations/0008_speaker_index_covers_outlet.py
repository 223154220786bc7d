"""A speaker's page counts their quotes per outlet and per year: the (speaker, published_at)
index covers the outlet too, so those counts are index-only scans."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("quotes", "0007_speaker_name_words")]

    operations = [
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
