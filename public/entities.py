"""Entity pages (/entities/<slug>/): every published article that names a place, person or organisation."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from linking.models import Entity
from linking.selectors import entity_articles
from public.selectors import NewestFirst
from public.views import public_page

PER_PAGE = 30


@public_page
def entity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entity = get_object_or_404(Entity, slug=slug)
    page_obj = Paginator(NewestFirst(entity_articles(entity=entity)), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "public/entity_detail.html", {"entity": entity, "page_obj": page_obj, "articles": page_obj.object_list})
