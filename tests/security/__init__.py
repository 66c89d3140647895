"""Hostile text against every output: the security corpus and the tests that run it."""
