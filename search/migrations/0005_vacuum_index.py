"""PostgreSQL: compact the index table rewritten by 0004, outside a transaction.

The narrow rows 0004 wrote lie among the old wide ones' dead space, over as
many pages as before (7,700 of 10,400 at 100,000 articles): only a rewrite
of the table packs them into the 1,200 pages a scan should visit. VACUUM FULL
locks the table while it runs (a minute or two on a large archive, once).
"""

from django.db import migrations

import search.operations


class Migration(migrations.Migration):
    atomic = False  # VACUUM cannot run inside a transaction

    dependencies = [
        ("search", "0004_narrow_index_rows"),
    ]

    operations = [
        search.operations.VendorRunSQL("postgresql", ["VACUUM FULL ANALYZE search_indexentry"], migrations.RunSQL.noop),
    ]
