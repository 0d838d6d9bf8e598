"""Extractors: each finds one kind of slot in a document's plain text.

Each module is independent (dates, quantities, entities, attribution, events);
`ravel.claims` runs them together over a document's sentences.
"""
