"""What the desk refuses. Every message is shown to the editor as it is, in Chinese and English."""

from __future__ import annotations

from django.utils.html import format_html
from django.utils.safestring import SafeString


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
        who = changed_by or "其他人 / someone else"
        super().__init__(
            f"稿件已被 {who} 修改（第 {seen_version} 版 → 第 {current_version} 版），你的修改未保存。"
            f" / The article was changed by {who} (version {seen_version} → {current_version}); your changes were not saved."
        )

    def html(self) -> SafeString:
        """The refusal and the diff of what changed in between, for a form error or a desk message."""
        return format_html(
            "{}<br>请重新打开本页，在最新版本上修改。 / Reload the page and make your change on the latest version."
            '<pre class="desk-diff">{}</pre>',
            self.message, self.changes,
        )
