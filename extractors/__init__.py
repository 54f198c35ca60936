"""Pure functions from PDF pages to gbdocs records: one module per concern."""
