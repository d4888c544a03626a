"""A missing translation is "" rather than NULL (core.translation.empty_by_default)."""

from django.db import migrations, models

TRANSLATED = {'resource': ['title', 'summary', 'body']}
LANGUAGES = ["en", "es"]


def blank_not_null(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("resources", name)
            for field in fields:
                for language in LANGUAGES:
                    column = f"{field}_{language}"
                    model.objects.filter(**{f"{column}__isnull": True}).update(**{column: ""})


class Migration(migrations.Migration):

    dependencies = [
        ('resources', '0010_resource_text_in_every_language'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalresource',
            name='body_en',
            field=models.TextField(blank=True, default='', help_text='Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.', null=True, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='historicalresource',
            name='body_es',
            field=models.TextField(blank=True, default='', help_text='Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.', null=True, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='historicalresource',
            name='summary_en',
            field=models.TextField(default='', help_text='One or two sentences shown in lists.', max_length=600, null=True, verbose_name='summary'),
        ),
        migrations.AlterField(
            model_name='historicalresource',
            name='summary_es',
            field=models.TextField(default='', help_text='One or two sentences shown in lists.', max_length=600, null=True, verbose_name='summary'),
        ),
        migrations.AlterField(
            model_name='historicalresource',
            name='title_en',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='historicalresource',
            name='title_es',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='body_en',
            field=models.TextField(blank=True, default='', help_text='Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.', null=True, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='body_es',
            field=models.TextField(blank=True, default='', help_text='Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. Scripts, images and raw HTML are removed when the page is shown.', null=True, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='summary_en',
            field=models.TextField(default='', help_text='One or two sentences shown in lists.', max_length=600, null=True, verbose_name='summary'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='summary_es',
            field=models.TextField(default='', help_text='One or two sentences shown in lists.', max_length=600, null=True, verbose_name='summary'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='title_en',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='resource',
            name='title_es',
            field=models.CharField(default='', max_length=200, null=True, verbose_name='title'),
        ),
        migrations.RunPython(blank_not_null, migrations.RunPython.noop),
    ]
