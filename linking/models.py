"""Tags, entities, related-article links and near-duplicates of articles.

Models stay thin; extraction and scoring live in linking.services and in the
Django-free modules (keywords, names, gazetteer, simhash, scoring).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, reverse_cached


class NameManager(models.Manager):
    # Natural keys let fixtures/gazetteer.json be loaded again without duplicates.
    def get_by_natural_key(self, name: str):
        return self.get(name=name)


class Entity(models.Model):
    """A confirmed place, person or organisation that articles link to."""

    class Kind(models.TextChoices):
        PLACE = "place", _("Place")
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    objects = NameManager()

    class Meta:
        verbose_name = _("entity")
        verbose_name_plural = _("entities")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.name,)

    def get_absolute_url(self) -> str:
        return reverse_cached("public:entity", slug=self.slug)


class Alias(models.Model):
    """Another name of an entity (黄岛区 for 西海岸新区); a name means one entity."""

    entity = models.ForeignKey(Entity, verbose_name=_("entity"), on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=100, unique=True)

    objects = NameManager()

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.name,)


class Mention(models.Model):
    """An entity named in an article, with the names it was written as (for linking the first one)."""

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="entity_mentions")
    entity = models.ForeignKey(Entity, verbose_name=_("entity"), on_delete=models.CASCADE, related_name="mentions")
    forms = models.JSONField(_("forms as written"), default=list)
    position = models.PositiveSmallIntegerField(_("position"), default=0)  # order of first mention

    class Meta:
        verbose_name = _("entity mention")
        verbose_name_plural = _("entity mentions")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["article", "entity"], name="mention_unique_article_entity")]
        # The inverted index: newest articles naming an entity.
        indexes = [models.Index(fields=["entity", "-article"], name="mention_entity_article")]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.entity}"


class EntitySuggestion(models.Model):
    """A name jieba tagged as a person, place or organisation that is not in the gazetteer yet."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Entity.Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    articles = models.ManyToManyField(Article, verbose_name=_("articles"), blank=True, related_name="+")
    entity = models.ForeignKey(Entity, verbose_name=_("entity"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("entity suggestion")
        verbose_name_plural = _("entity suggestions")
        ordering = ["status", "-created_at"]

    def __str__(self) -> str:
        return self.name


class AutoTag(models.Model):
    """A tag the extractor put on an article, so re-extraction only ever replaces its own tags.

    removed: an editor took the tag off again; it is then never re-added.
    """

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")
    tag = models.ForeignKey(Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="+")
    removed = models.BooleanField(_("removed by an editor"), default=False)

    class Meta:
        verbose_name = _("automatic tag")
        verbose_name_plural = _("automatic tags")
        constraints = [models.UniqueConstraint(fields=["article", "tag"], name="autotag_unique_article_tag")]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.tag}"


class OldTagSlug(models.Model):
    """A slug a tag had before it was renamed or merged, so old /tags/<slug>/ links redirect."""

    tag = models.ForeignKey(Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="old_slugs")
    slug = models.SlugField(_("old slug"), max_length=100, unique=True, allow_unicode=True)

    class Meta:
        verbose_name = _("old tag slug")
        verbose_name_plural = _("old tag slugs")

    def __str__(self) -> str:
        return f"{self.slug} → {self.tag.slug}"


class Profile(models.Model):
    """What related-article scoring and duplicate detection need of an article, computed once."""

    article = models.OneToOneField(Article, verbose_name=_("article"), on_delete=models.CASCADE, primary_key=True, related_name="link_profile")
    terms = models.JSONField(_("term vector"), default=dict)  # top TF-IDF terms, unit length
    simhash = models.BigIntegerField("SimHash", default=0)  # signed form of the 64-bit fingerprint
    # The fingerprint's eight 8-bit bands: the banded near-duplicate look-up.
    band0 = models.PositiveSmallIntegerField(default=0)
    band1 = models.PositiveSmallIntegerField(default=0)
    band2 = models.PositiveSmallIntegerField(default=0)
    band3 = models.PositiveSmallIntegerField(default=0)
    band4 = models.PositiveSmallIntegerField(default=0)
    band5 = models.PositiveSmallIntegerField(default=0)
    band6 = models.PositiveSmallIntegerField(default=0)
    band7 = models.PositiveSmallIntegerField(default=0)
    day = models.DateField(_("date"))

    class Meta:
        verbose_name = _("link profile")
        verbose_name_plural = _("link profiles")
        # A near-duplicate probe is one band equal and its neighbour one of nine
        # values (linking.simhash.probes): an index on the pair finds the few
        # rows of each, where one on the band alone visited 1 row in 256 of the
        # table (390 a probe at 100,000 articles) to check the neighbour.
        indexes = [
            models.Index(fields=[f"band{i}", f"band{j}"], name=f"profile_bands_{i}_{j}")
            for low in range(0, 8, 2)
            for i, j in ((low, low + 1), (low + 1, low))
        ]

    def __str__(self) -> str:
        return str(self.article_id)


class RelatedLink(models.Model):
    """A related article for an article's page: suggested by scoring, or decided by an editor."""

    class Status(models.TextChoices):
        PINNED = "pinned", _("Pinned")
        ACCEPTED = "accepted", _("Accepted")
        SUGGESTED = "suggested", _("Suggested")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(Article, verbose_name=_("related article"), on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUGGESTED)
    score = models.FloatField(_("score"), default=0.0)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)  # ["共同地点: 崂山区", "同一记者: 黄飞"]
    by_hand = models.BooleanField(_("added by hand"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="related_unique_source_target"),
            models.CheckConstraint(condition=~Q(source=F("target")), name="related_not_self"),
        ]
        indexes = [models.Index(fields=["source", "status", "-score"], name="related_source_status_score")]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id}"

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


class NearDuplicate(models.Model):
    """Two articles whose text is nearly the same, for an editor to review."""

    class Status(models.TextChoices):
        OPEN = "open", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed duplicate")
        DISMISSED = "dismissed", _("Not a duplicate")

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")
    duplicate_of = models.ForeignKey(Article, verbose_name=_("possible duplicate of"), on_delete=models.CASCADE, related_name="+")
    distance = models.PositiveSmallIntegerField(_("differing bits"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(_("found at"), auto_now_add=True)

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        ordering = ["status", "-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["article", "duplicate_of"], name="duplicate_unique_pair"),
            models.CheckConstraint(condition=~Q(article=F("duplicate_of")), name="duplicate_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} ≈ {self.duplicate_of_id}"
