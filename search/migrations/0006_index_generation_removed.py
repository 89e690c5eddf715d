"""IndexGeneration.removed: the generation of the newest delete of an article,
after which a process asks which articles are left (search.columns)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0005_vacuum_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="indexgeneration",
            name="removed",
            field=models.BigIntegerField(default=0, verbose_name="last removal"),
        ),
    ]
