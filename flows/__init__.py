"""Prefect flows, exports and the gbdocs command line."""
