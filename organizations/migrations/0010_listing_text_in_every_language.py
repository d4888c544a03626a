"""Per-language columns for the text curators write (django-modeltranslation).

The English text moves into the new `_en` columns; the Spanish columns that
existed keep their rows. The original columns stay, as modeltranslation wants.
"""

from django.db import migrations, models
from django.db.models import F

TRANSLATED = {
    "organization": ["description"],
    "service": ["name", "description", "eligibility", "fees", "how_to_get_help"],
    "location": ["name", "accessibility"],
    "phone": ["description"],
    "schedule": ["note"],
}


def copy_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("organizations", name)
            model.objects.update(**{f"{field}_en": F(field) for field in fields})
    # Spanish words must find services from the first search after migrating.
    from organizations import search_index

    search_index.refresh(apps.get_model("organizations", "Service").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0006_serviceatlocation"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicallocation",
            name="accessibility_en",
            field=models.TextField(blank=True, null=True, verbose_name="accessibility"),
        ),
        migrations.AddField(
            model_name="historicallocation",
            name="accessibility_es",
            field=models.TextField(blank=True, null=True, verbose_name="accessibility"),
        ),
        migrations.AddField(
            model_name="historicallocation",
            name="name_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicallocation",
            name="name_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicalorganization",
            name="description_en",
            field=models.TextField(null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="historicalphone",
            name="description_en",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="historicalphone",
            name="description_es",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="historicalschedule",
            name="note_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="historicalschedule",
            name="note_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="eligibility_en",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="eligibility_es",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="fees_en",
            field=models.TextField(blank=True, null=True, verbose_name="fees"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="fees_es",
            field=models.TextField(blank=True, null=True, verbose_name="fees"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="how_to_get_help_en",
            field=models.TextField(blank=True, null=True, verbose_name="how to get help"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="how_to_get_help_es",
            field=models.TextField(blank=True, null=True, verbose_name="how to get help"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="historicalservice",
            name="name_es",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="location",
            name="accessibility_en",
            field=models.TextField(blank=True, null=True, verbose_name="accessibility"),
        ),
        migrations.AddField(
            model_name="location",
            name="accessibility_es",
            field=models.TextField(blank=True, null=True, verbose_name="accessibility"),
        ),
        migrations.AddField(
            model_name="location",
            name="name_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="location",
            name="name_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="organization",
            name="description_en",
            field=models.TextField(null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="phone",
            name="description_en",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="phone",
            name="description_es",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="description"
            ),
        ),
        migrations.AddField(
            model_name="schedule",
            name="note_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="schedule",
            name="note_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="note"),
        ),
        migrations.AddField(
            model_name="service",
            name="description_en",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="service",
            name="eligibility_en",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="service",
            name="eligibility_es",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="service",
            name="fees_en",
            field=models.TextField(blank=True, null=True, verbose_name="fees"),
        ),
        migrations.AddField(
            model_name="service",
            name="fees_es",
            field=models.TextField(blank=True, null=True, verbose_name="fees"),
        ),
        migrations.AddField(
            model_name="service",
            name="how_to_get_help_en",
            field=models.TextField(blank=True, null=True, verbose_name="how to get help"),
        ),
        migrations.AddField(
            model_name="service",
            name="how_to_get_help_es",
            field=models.TextField(blank=True, null=True, verbose_name="how to get help"),
        ),
        migrations.AddField(
            model_name="service",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="service",
            name="name_es",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="historicalorganization",
            name="description_es",
            field=models.TextField(null=True, verbose_name="description"),
        ),
        migrations.AlterField(
            model_name="historicalservice",
            name="description_es",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AlterField(
            model_name="organization",
            name="description_es",
            field=models.TextField(null=True, verbose_name="description"),
        ),
        migrations.AlterField(
            model_name="service",
            name="description_es",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
