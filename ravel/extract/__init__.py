"""Extractors: each finds one kind of slot in a document's plain text."""
