"""Serialisers: pure functions from a document to a format, and back where the format allows."""
