"""An index on taggit's through table for "newest articles with this tag".

Related-article candidates are looked up per tag, newest first. taggit's own
indexes start with content_type (or hold tag alone), so for a rare tag the
database would walk every tagged article; this one answers from the index.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("linking", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX linking_taggeditem_tag_object ON taggit_taggeditem (tag_id, content_type_id, object_id)",
            "DROP INDEX linking_taggeditem_tag_object",
        ),
    ]
