from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class WordFileForm(forms.Form):
    file = forms.FileField(
        label=_("Word file"),
        help_text=_("UTF-8 text, one word a line, optionally followed by “,category,severity” (notice or banned)."),
    )

    def clean_file(self) -> list[str]:
        """The file's lines."""
        try:
            return self.cleaned_data["file"].read().decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None


class OverrideForm(forms.Form):
    """The chief editor's reason for letting banned words stand (the review page's form)."""

    note = forms.CharField(label=_("Why the banned words may stand"), widget=forms.Textarea(attrs={"rows": 2}))
    # What the desk says once the override is stored.
    done = _("The banned words may stand in this text; the override is logged.")
