"""The thin Dagster layer: one module per concern, each calling the plain library."""
