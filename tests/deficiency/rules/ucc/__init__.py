"""Tests of deficiency/rules/ucc (the same layout as the package)."""
