"""Tests of deficiency/interface (the same layout as the package)."""
