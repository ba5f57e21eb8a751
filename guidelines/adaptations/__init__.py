"""Regional adaptations: review against newer editions, the reader's region, the editor form."""
