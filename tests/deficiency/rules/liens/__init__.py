"""Tests of deficiency/rules/liens (the same layout as the package)."""
