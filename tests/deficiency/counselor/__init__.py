"""Tests of deficiency/counselor (the same layout as the package)."""
