"""Editors' changes to tags: rename and merge, keeping old tag URLs alive."""

from __future__ import annotations

from django.db import transaction
from taggit.models import Tag, TaggedItem

from linking.models import AutoTag, OldTagSlug


@transaction.atomic
def tag_rename(*, tag: Tag, name: str, slug: str | None = None) -> Tag:
    """Give a tag a new name (and slug); the old slug keeps redirecting to it."""
    old_slug = Tag.objects.values_list("slug", flat=True).get(pk=tag.pk)
    tag.name = name
    if slug:
        tag.slug = slug
    tag.full_clean()
    tag.save()
    if tag.slug != old_slug:
        remember_old_slug(tag=tag, slug=old_slug)
    return tag


def remember_old_slug(*, tag: Tag, slug: str) -> None:
    # A slug given back to a tag is no longer old; one that pointed elsewhere now points here.
    OldTagSlug.objects.filter(slug=tag.slug).delete()
    OldTagSlug.objects.update_or_create(slug=slug, defaults={"tag": tag})


@transaction.atomic
def tags_merge(*, into: Tag, others: list[Tag]) -> Tag:
    """Move every article of `others` to `into`, then delete them; their slugs redirect to `into`."""
    others = [t for t in others if t.pk != into.pk]
    tagged = set(TaggedItem.objects.filter(tag=into).values_list("content_type_id", "object_id"))
    auto = set(AutoTag.objects.filter(tag=into).values_list("article_id", flat=True))
    for tag in others:
        # An article carrying both tags keeps one: drop the row that would become a duplicate.
        for item in TaggedItem.objects.filter(tag=tag):
            if (item.content_type_id, item.object_id) in tagged:
                item.delete()
            else:
                tagged.add((item.content_type_id, item.object_id))
                item.tag = into
                item.save(update_fields=["tag"])
        AutoTag.objects.filter(tag=tag, article_id__in=auto).delete()
        auto |= set(AutoTag.objects.filter(tag=tag).values_list("article_id", flat=True))
        AutoTag.objects.filter(tag=tag).update(tag=into)
        OldTagSlug.objects.filter(tag=tag).update(tag=into)
        remember_old_slug(tag=into, slug=tag.slug)
        tag.delete()
    return into
