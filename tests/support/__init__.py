"""Helpers shared by the test suites (one place, imported as ``tests.support.*``)."""
