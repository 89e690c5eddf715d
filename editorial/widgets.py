"""Admin widgets for the desk."""

from __future__ import annotations

from django.contrib.admin.widgets import AutocompleteSelect


class KnownChoicesAutocompleteSelect(AutocompleteSelect):
    """An autocomplete select that renders its selected option from labels fetched
    once for the whole formset (``known``), instead of one query per inline row."""

    known: dict[str, str] = {}

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not all(v in self.known for v in selected):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for v in selected:
            options.append(self.create_option(name, v, self.known[v], True, len(options)))
        return [(None, options, 0)]
