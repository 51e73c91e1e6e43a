"""Curation: reversible entity merges, entity edits, meeting deletion, duplicate hints and a canonical export."""
