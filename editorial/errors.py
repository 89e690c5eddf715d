"""What the desk refuses. Every message is shown to the editor as it is, in the desk's language."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext


class WorkflowError(Exception):
    """Base class: a refused editorial action; nothing was changed."""

    @property
    def message(self) -> str:
        return str(self)


class NotAllowed(WorkflowError):
    """The user lacks the role for this action on this article."""


class IllegalMove(WorkflowError):
    """The article's state does not allow this transition."""


class InvalidOperation(WorkflowError):
    """A fix to the article's text (split, merge, move …) that cannot apply."""


class EditConflict(WorkflowError):
    """Someone saved the article after this editor opened it; the newer save stands."""

    def __init__(self, *, article_id: int, seen_version: int, current_version: int, changed_by: str, changes: str):
        self.article_id = article_id
        self.seen_version = seen_version
        self.current_version = current_version
        self.changed_by = changed_by
        self.changes = changes  # a unified diff from the version seen to the stored one
        who = changed_by or gettext("someone else")
        super().__init__(
            gettext(
                "The article was changed by %(who)s (revision %(seen)d → %(current)d); your changes were not saved."
            ) % {"who": who, "seen": seen_version, "current": current_version}
        )

    def html(self) -> SafeString:
        """The refusal and the diff of what changed in between, for a form error or a desk message."""
        return format_html(
            '{}<br>{}<pre class="desk-diff">{}</pre>',
            self.message, gettext("Reload the page and make your change on the latest revision."), self.changes,
        )
