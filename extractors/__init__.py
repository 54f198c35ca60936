"""Pure functions from PDF pages to gbdocs records: one module per concern."""

# Bump when a change to the extractors changes what they produce: cached results of older versions
# are then recomputed.
PIPELINE_VERSION = "4"  # 2: papers carry their search texts; 3: layout-independent lines, heads and blocks; 4: resolutions, masthead, italic leads
