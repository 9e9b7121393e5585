"""Tests of deficiency/rules/state_law (the same layout as the package)."""
