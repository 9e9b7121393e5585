"""Tests of deficiency/core (the same layout as the package)."""
