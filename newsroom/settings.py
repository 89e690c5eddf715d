"""Newsroom settings, read from the environment.

Defaults are for a developer's machine (DEBUG on, SQLite under var/), so
`make run` works on a fresh clone. Production sets DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL; with DEBUG off the security settings below
make `manage.py check --deploy` clean.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"  # everything the app writes locally; git-ignored


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # Never run production with a key that is published in the repository.
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "django-insecure-dev-only-newsroom-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# Absolute base for links that leave the site (exports, feeds, canonical links).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The install's name (the paper's, say) in the desk's and the site's headers;
# unset, the product's name, translated ("新闻编辑系统" in Chinese).
SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "").strip() or gettext_lazy("Newsroom")
# The publication (slug) whose latest issue is the home page; empty: the one with the newest issue.
NEWSROOM_MAIN_PUBLICATION = os.environ.get("NEWSROOM_MAIN_PUBLICATION", "").strip()
# How many proxies of ours stand in front of the web processes, each adding the address it
# was reached from to X-Forwarded-For (docs/deploy.md). 0: the client is REMOTE_ADDR, and the
# header, which any client can send, is ignored. Readers' 纠错 reports are limited per client.
NEWSROOM_TRUSTED_PROXY_COUNT = int(os.environ.get("NEWSROOM_TRUSTED_PROXY_COUNT", "0"))
if NEWSROOM_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("NEWSROOM_TRUSTED_PROXY_COUNT must be 0 or more")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    # django-ninja: the API's OpenAPI docs page, with its Swagger UI served from
    # our own static files (a CDN's would be refused by SECURE_CSP below).
    "ninja",
    # The task queue's table and its `db_worker` command (TASKS below).
    "django_tasks_db",
    "articles",
    "editorial",
    "search",
    "linking",
    "screening",
    "api",
    # Last: its receivers run after search's and linking's (see public.apps).
    "public",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, as whitenoise documents.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves cached public pages before the rest runs (sessions, CSRF, users, URLs):
    # a hit costs one cache round trip and less than any view (public.pagecache).
    "public.pagecache.PageCacheMiddleware",
    # Before anything reads the path: /hant/… is the public page in traditional characters.
    "public.scripts.ScriptPrefixMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Turns a lock wait that ran out into a 409 to retry, instead of a 500.
    "newsroom.contention.BusyDatabaseMiddleware",
]

# Everything the site loads is its own: styles from a static file, no inline
# or third-party scripts (JSON-LD is a data block CSP never executes), no
# external fonts. Pages are cached whole, so they carry no per-request nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "public.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

# SQLite by default so a fresh clone needs no database server.
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(exist_ok=True)  # SQLite cannot create the folder itself
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A web server writes from several threads and processes at once. WAL lets
    # readers go on while one writer writes; IMMEDIATE takes the write lock at
    # BEGIN, so a transaction waits for it (up to the timeout, in seconds) instead
    # of failing at once with "database is locked" when a read turns into a write.
    # synchronous=NORMAL, as SQLite advises with WAL: a commit no longer waits for
    # the disk (3 ms a commit on this machine; an import commits once a page),
    # the file is never left corrupt, and only a power cut or an OS crash (not a
    # crash of Newsroom) can undo the last commits. SQLITE_SYNCHRONOUS=FULL keeps every one.
    synchronous = os.environ.get("SQLITE_SYNCHRONOUS", "NORMAL").upper()
    if synchronous not in ("NORMAL", "FULL", "EXTRA"):
        raise ImproperlyConfigured("SQLITE_SYNCHRONOUS must be NORMAL, FULL or EXTRA")
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}",
        "transaction_mode": "IMMEDIATE", "timeout": 20,
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One language per install, for the desk and the site alike: NEWSROOM_LANGUAGE
# (zh-hans by default, or en). Not the reader's browser: public pages are
# cached whole and shared by every reader, so they must not vary by
# Accept-Language (which is why there is no LocaleMiddleware).
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LANGUAGE_CODE = os.environ.get("NEWSROOM_LANGUAGE", "").strip().lower() or "zh-hans"
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"NEWSROOM_LANGUAGE must be one of {', '.join(dict(LANGUAGES))}, not {LANGUAGE_CODE!r}")
# Django's own strings that its zh_Hans catalogue lacks (newer admin strings),
# which this catalogue adds; LOCALE_PATHS come before every app's catalogue.
LOCALE_PATHS = [BASE_DIR / "newsroom" / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Uploaded and imported files: the printed pages' images and PDFs (SourcePage.image, .pdf).
# Served by runserver in DEBUG (newsroom/urls.py); in production by the web server.
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(VAR_DIR / "media")))

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
if DEBUG:
    # whitenoise warns on every request when STATIC_ROOT is missing; in
    # development nothing else would create it (collectstatic does in production).
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed, hashed names in production; plain storage in DEBUG so that
    # tests and runserver work without running collectstatic first.
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"
# Where a login goes when ?next= is missing or refused (off-site); Django's
# default, /accounts/profile/, does not exist here.
LOGIN_REDIRECT_URL = "editorial:home"

# Rendered public pages (public.pagecache). The per-process LocMemCache
# needs no server but is seen by one process only: more than one server
# process (gunicorn workers, machines) needs REDIS_URL, a cache they share, or
# the others keep serving a page a change has made stale (an unpublished story
# included) for up to PAGE_CACHE_SECONDS. CACHE_URL is read when REDIS_URL is
# not set; CACHE_KEY_PREFIX keeps several sites (or test runs) apart in one
# Redis database.
CACHE_URL = os.environ.get("REDIS_URL", "").strip() or os.environ.get("CACHE_URL", "").strip()
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
            # A cache server that does not answer must not hang every page.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
elif CACHE_URL in ("", "locmem://"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
else:
    raise ImproperlyConfigured(f"REDIS_URL/CACHE_URL must be redis://, rediss://, unix:// or locmem://, not {CACHE_URL!r}")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Addresses that are never public pages: the page cache does not look them up,
# so the desk, the admin and the API pay no cache round trip per request.
PAGE_CACHE_SKIPPED_PATHS = ("/admin/", "/desk/", "/api/")
# How long a client or proxy may keep an API answer without revalidating it
# (api.caching). 0: every use asks again (a cheap 304 while nothing changed), so
# a story taken down is gone at once everywhere; more trades that for fewer requests.
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "0"))

# Background work (Django's Tasks framework): linking every changed article,
# and indexing large batches for search, run in a worker, never in an editor's
# request. The default keeps the queue in the database (`manage.py db_worker`
# runs it; `make run` starts one); TASKS_BACKEND names another backend class
# (e.g. an RQ/Redis one in production), or `immediate` to run tasks at once,
# in the process that enqueues them (tests do; nothing to start).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "").strip() or "django_tasks_db.DatabaseBackend"
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }.get(TASKS_BACKEND, TASKS_BACKEND),
        "QUEUES": ["default"],
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The worker is a second process writing to the same SQLite file. Two
    # deferred transactions that both read and then write deadlock at once
    # ("database is locked"); IMMEDIATE takes the write lock at BEGIN, so the
    # other simply waits (up to `timeout` seconds) for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})

if not DEBUG:
    # Behind HTTPS only: these are what `check --deploy` asks for.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Set when a proxy terminates TLS, e.g. SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO
    if proxy_header := os.environ.get("SECURE_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = (proxy_header, "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
