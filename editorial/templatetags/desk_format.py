"""How the desk shows stored values that are not for reading as stored."""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def dateline_day(value: str) -> str:
    """A dateline's date in the desk's language: 2025-02-28 as a date; --02-28 (the page
    printed no year) as month and day only, never as the ISO form's dashes."""
    try:
        if value.startswith("--"):
            month, day = int(value[2:4]), int(value[5:7])
            return date_format(date(2000, month, day), "MONTH_DAY_FORMAT")  # 2000: 02-29 exists
        return date_format(date.fromisoformat(value), "DATE_FORMAT")
    except ValueError:
        return value  # not a date after all: as stored, rather than nothing
