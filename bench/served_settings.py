"""Production settings (DEBUG=0 from the environment) with the bench's URLs."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.served_urls"
# The bare view is what Django and the server cost: no page cache lookup either.
PAGE_CACHE_SKIPPED_PATHS = (*PAGE_CACHE_SKIPPED_PATHS, "/__bench__/")  # noqa: F405
