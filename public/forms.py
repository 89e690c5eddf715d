from django import forms
from django.utils.translation import gettext_lazy as _

from public.models import MAX_REPORT_LENGTH


class ReaderReportForm(forms.Form):
    text = forms.CharField(
        label=_("What is wrong?"), max_length=MAX_REPORT_LENGTH, widget=forms.Textarea(attrs={"rows": 5})
    )
    contact = forms.CharField(label=_("Your email or phone (optional)"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        # The labels end as Chinese sentences do (？, ）): Django's ":" after them would print 哪里有误？:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
