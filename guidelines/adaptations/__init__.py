"""Regional adaptations: the editor form and admin panels, the review against newer editions."""
