"""Anonymous readers' pages, kept rendered and purged when what they show changes.

`store` keeps the pages and the purge tokens, `middleware` serves and stores them,
`purges` turns a publish into the addresses to purge (apps register what shows what).
"""
