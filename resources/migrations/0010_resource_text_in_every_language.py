"""Per-language columns for the text curators write (django-modeltranslation).

The English text moves into the new `_en` columns; the Spanish columns that
existed keep their rows. The original columns stay, as modeltranslation wants.
"""

from django.db import migrations, models
from django.db.models import F

TRANSLATED = {"resource": ["title", "summary", "body"]}


def copy_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("resources", name)
            model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_counties_and_languages_from_core"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalresource",
            name="body_en",
            field=models.TextField(
                blank=True,
                help_text="Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.",
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="historicalresource",
            name="summary_en",
            field=models.TextField(
                help_text="One or two sentences shown in lists.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="historicalresource",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="resource",
            name="body_en",
            field=models.TextField(
                blank=True,
                help_text="Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.",
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AddField(
            model_name="resource",
            name="summary_en",
            field=models.TextField(
                help_text="One or two sentences shown in lists.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="resource",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="historicalresource",
            name="body_es",
            field=models.TextField(
                blank=True,
                help_text="Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.",
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="historicalresource",
            name="summary_es",
            field=models.TextField(
                help_text="One or two sentences shown in lists.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AlterField(
            model_name="historicalresource",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="resource",
            name="body_es",
            field=models.TextField(
                blank=True,
                help_text="Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.",
                null=True,
                verbose_name="body",
            ),
        ),
        migrations.AlterField(
            model_name="resource",
            name="summary_es",
            field=models.TextField(
                help_text="One or two sentences shown in lists.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AlterField(
            model_name="resource",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
