"""Forms of the review page. Each POST carries the version the editor saw (optimistic locking)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from editorial.operations import KINDS
from editorial.workflow import MOVES


class SeenVersionForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class MoveForm(SeenVersionForm):
    move = forms.ChoiceField(choices=[(m.name, m.label) for m in MOVES.values()])
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    when = forms.DateTimeField(
        label=_("Publication time"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    correction = forms.CharField(
        label=_("Correction (readers see it)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("move") == "schedule" and not cleaned.get("when"):
            self.add_error("when", gettext("Scheduling needs a time."))
        return cleaned


class FixForm(SeenVersionForm):
    OPS = [
        ("split", _("Split before this paragraph")),
        ("move_previous", _("Move to the previous article")),
        ("move_next", _("Move to the next article")),
        ("kind", _("Change the paragraph kind")),
        ("merge_previous", _("Merge with the previous article")),
        ("merge_next", _("Merge with the next article")),
    ]
    op = forms.ChoiceField(choices=OPS)
    block = forms.IntegerField(min_value=0, required=False)
    kind = forms.ChoiceField(choices=list(KINDS.items()), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("op") in {"split", "move_previous", "move_next", "kind"} and cleaned.get("block") is None:
            self.add_error("block", gettext("Choose a block."))
        if cleaned.get("op") == "kind" and not cleaned.get("kind"):
            self.add_error("kind", gettext("Choose a kind."))
        return cleaned


class BylinesForm(SeenVersionForm):
    people = forms.CharField(
        label=_("Bylines"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One person a line: role and name, e.g. “记者 丁倩倩”; a name alone is a 记者."),
    )

    def clean_people(self) -> list[tuple[str, str]]:
        """"记者 丁倩倩" per line (a bare name means 记者) -> [(role, name), …] in printed order."""
        people = []
        for line in self.cleaned_data["people"].splitlines():
            parts = line.split()
            if len(parts) == 1:
                people.append(("记者", parts[0]))
            elif parts:
                people.append((parts[0], " ".join(parts[1:])))
        if not people:
            raise forms.ValidationError(gettext("A byline needs at least one person."))
        return people


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Desk note"), widget=forms.Textarea(attrs={"rows": 3}))


class MarkForm(forms.Form):
    """校对: a passage of the body, by character offsets (the page fills them from a selection), and the query."""

    start = forms.IntegerField(label=_("From character"), min_value=0)
    end = forms.IntegerField(label=_("To character"), min_value=1)
    query = forms.CharField(label=_("Query for the reporter"), widget=forms.Textarea(attrs={"rows": 2}))


class ContinuationForm(SeenVersionForm):
    """Join the article as the later part of another story of its issue, or unlink it."""

    first = forms.IntegerField(required=False, widget=forms.HiddenInput)
    unlink = forms.BooleanField(required=False, widget=forms.HiddenInput)


class ZoneForm(SeenVersionForm):
    """Where the article is printed on its page's image: the box the editor drew
    (fractions of the page, filled in by zones.js), or clear to remove it."""

    x = forms.FloatField(required=False, min_value=0, max_value=1, widget=forms.HiddenInput)
    y = forms.FloatField(required=False, min_value=0, max_value=1, widget=forms.HiddenInput)
    w = forms.FloatField(required=False, min_value=0, max_value=1, widget=forms.HiddenInput)
    h = forms.FloatField(required=False, min_value=0, max_value=1, widget=forms.HiddenInput)
    clear = forms.BooleanField(required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("clear"):
            cleaned["zone"] = None
        elif any(cleaned.get(key) is None for key in "xywh"):
            if not self.errors:
                raise forms.ValidationError(gettext("Draw the box on the page image first."))
        else:
            cleaned["zone"] = {key: round(cleaned[key], 4) for key in "xywh"}
        return cleaned
