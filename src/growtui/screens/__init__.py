"""One screen per module, its .tcss beside it."""
