"""What screening refuses; the desk shows each message as it is."""

from __future__ import annotations


class ScreeningError(Exception):
    @property
    def message(self) -> str:
        return str(self)


class BannedWordsStand(ScreeningError):
    """签发 refused: the text has banned words and no override covers them."""

    def __init__(self, message: str, *, words: list[str]):
        super().__init__(message)
        self.words = words


class OverrideRefused(ScreeningError):
    """An override without the role, without a note, or with nothing to override."""


class OverrideNotAllowed(ScreeningError):
    """The user lacks the role to let banned words stand."""
