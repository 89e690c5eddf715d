"""Writes of the linking app: one module per concern, keyword-only arguments."""
