"""Tests of deficiency/outputs (the same layout as the package)."""
