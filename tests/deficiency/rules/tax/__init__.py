"""Tests of deficiency/rules/tax (the same layout as the package)."""
