"""Tests of deficiency/rules/credit (the same layout as the package)."""
