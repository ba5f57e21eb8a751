"""Releasing, comparing and printing editions of guidance documents."""
