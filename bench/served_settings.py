"""Production settings (DEBUG=0 from the environment) with the bench's URLs."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.served_urls"
