"""A missing translation is "" rather than NULL (core.translation.empty_by_default)."""

from django.db import migrations, models

TRANSLATED = {'organization': ['description'], 'service': ['name', 'description', 'eligibility', 'fees', 'how_to_get_help'], 'location': ['name', 'accessibility'], 'phone': ['description'], 'schedule': ['note']}
LANGUAGES = ["en", "es"]


def blank_not_null(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("organizations", name)
            for field in fields:
                for language in LANGUAGES:
                    column = f"{field}_{language}"
                    model.objects.filter(**{f"{column}__isnull": True}).update(**{column: ""})


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0010_listing_text_in_every_language'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicallocation',
            name='accessibility_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='accessibility'),
        ),
        migrations.AlterField(
            model_name='historicallocation',
            name='accessibility_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='accessibility'),
        ),
        migrations.AlterField(
            model_name='historicallocation',
            name='name_en',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='historicallocation',
            name='name_es',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='historicalorganization',
            name='description_en',
            field=models.TextField(default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalorganization',
            name='description_es',
            field=models.TextField(default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalphone',
            name='description_en',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalphone',
            name='description_es',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalschedule',
            name='note_en',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='historicalschedule',
            name='note_es',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='description_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='description_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='eligibility_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='eligibility'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='eligibility_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='eligibility'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='fees_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='fees'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='fees_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='fees'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='how_to_get_help_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='how to get help'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='how_to_get_help_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='how to get help'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='name_en',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='name_es',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='location',
            name='accessibility_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='accessibility'),
        ),
        migrations.AlterField(
            model_name='location',
            name='accessibility_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='accessibility'),
        ),
        migrations.AlterField(
            model_name='location',
            name='name_en',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='location',
            name='name_es',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='organization',
            name='description_en',
            field=models.TextField(default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='organization',
            name='description_es',
            field=models.TextField(default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='phone',
            name='description_en',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='phone',
            name='description_es',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='schedule',
            name='note_en',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='schedule',
            name='note_es',
            field=models.CharField(blank=True, default='', max_length=200, null=True, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='service',
            name='description_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='service',
            name='description_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='service',
            name='eligibility_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='eligibility'),
        ),
        migrations.AlterField(
            model_name='service',
            name='eligibility_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='eligibility'),
        ),
        migrations.AlterField(
            model_name='service',
            name='fees_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='fees'),
        ),
        migrations.AlterField(
            model_name='service',
            name='fees_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='fees'),
        ),
        migrations.AlterField(
            model_name='service',
            name='how_to_get_help_en',
            field=models.TextField(blank=True, default='', null=True, verbose_name='how to get help'),
        ),
        migrations.AlterField(
            model_name='service',
            name='how_to_get_help_es',
            field=models.TextField(blank=True, default='', null=True, verbose_name='how to get help'),
        ),
        migrations.AlterField(
            model_name='service',
            name='name_en',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='service',
            name='name_es',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='name'),
        ),
        migrations.RunPython(blank_not_null, migrations.RunPython.noop),
    ]
