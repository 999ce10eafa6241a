"""Asset keys, check names and job names, fixed in one place (tests snapshot them)."""

from dagster import AssetKey

RAW_ARTICLES = AssetKey("raw_articles")
INDICATOR_ROWS = AssetKey("indicator_rows")
# Extraction runs in batches by content hash, one step each, so that workers share it.
EXTRACTION_SHARDS = 8
INDICATORS_TABLE = AssetKey("indicators_table")
ARTICLES_TABLE = AssetKey("articles_table")
OBSERVATIONS_TABLE = AssetKey("observations_table")
PUBLISHED_RELEASE = AssetKey("published_release")

# The lineage's groups, in the order data flows through them: each group's assets read only
# from its own group and the one before (tests/test_definitions.py checks the chain).
RAW_GROUP = "raw"
EXTRACTION_GROUP = "extraction"
TABLES_GROUP = "tables"
RELEASE_GROUP = "release"
GROUPS = (RAW_GROUP, EXTRACTION_GROUP, TABLES_GROUP, RELEASE_GROUP)

INDICATORS_CONTRACT_CHECK = "indicators_meet_contract"
ARTICLES_CONTRACT_CHECK = "articles_meet_contract"
OBSERVATIONS_CONTRACT_CHECK = "observations_meet_contract"

PUBLISH_JOB = "publish_indicators"
# The instance-wide pool (one slot) that every publishing step takes, whoever launched its run.
PUBLISH_POOL = "indicators_publish"
DAILY_SCHEDULE = "daily_publication"
RAW_FOLDER_SENSOR = "raw_folder_changes"
