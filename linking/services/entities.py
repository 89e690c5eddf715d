"""Editors' decisions on entity suggestions."""

from __future__ import annotations

from django.db import transaction

from articles.services.naming import unique_slug
from linking.models import Entity, EntitySuggestion
from linking.services.extraction import articles_extract


@transaction.atomic
def suggestion_accept(*, suggestion: EntitySuggestion, name: str = "", kind: str = "") -> Entity:
    """Make the suggested name an entity (or an alias's entity, if it exists) and link its articles."""
    entity = Entity.objects.filter(name=name or suggestion.name).first()
    if entity is None:
        entity = Entity(name=name or suggestion.name, kind=kind or suggestion.kind, slug=unique_slug(Entity, name or suggestion.name))
        entity.full_clean()
        entity.save()
    suggestion.status = EntitySuggestion.Status.ACCEPTED
    suggestion.entity = entity
    suggestion.full_clean()
    suggestion.save(update_fields=["status", "entity"])
    # Its articles mention it now; other articles are found when they are next refreshed.
    articles_extract(article_ids=list(suggestion.articles.values_list("pk", flat=True)))
    return entity


@transaction.atomic
def suggestion_reject(*, suggestion: EntitySuggestion) -> EntitySuggestion:
    suggestion.status = EntitySuggestion.Status.REJECTED
    suggestion.full_clean()
    suggestion.save(update_fields=["status"])
    return suggestion
