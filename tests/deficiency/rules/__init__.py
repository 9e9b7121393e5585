"""Tests of deficiency/rules (the same layout as the package)."""
