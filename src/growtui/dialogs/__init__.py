"""Modal dialogs of the session: the item editors, the question picker, the carry-over question, finishing."""
