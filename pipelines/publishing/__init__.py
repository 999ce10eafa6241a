"""Reading raw files and publishing the tables: plain Python, no Dagster.

The Dagster layer calls these functions; tests call them directly.
"""
