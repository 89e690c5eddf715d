from django import template

from public.citation import Citation, citation

register = template.Library()


@register.simple_tag
def citation_of(article) -> Citation:
    return citation(article)
