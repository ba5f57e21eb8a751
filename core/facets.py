"""What every faceted listing shares: limits and values carried in the URL."""

# A reader may tick at most this many values of one facet; more are dropped with a notice.
MAX_VALUES_PER_FACET = 20

# The region facet's value for what belongs to no region (national content), the
# same in every listing that filters by region.
NATIONAL = "national"
