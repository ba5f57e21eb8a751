"""What the casebook's filters and the search's facets share: values carried in the URL."""

# A reader may tick at most this many values of one facet; more are dropped with a notice.
MAX_VALUES_PER_FACET = 20

# The region facet's value for what belongs to no region: national cases, meetings
# and guidance. One value in the casebook's filters and in the search's facets.
NATIONAL = "national"
