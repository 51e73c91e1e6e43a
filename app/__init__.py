"""Smart-Meet Graph: meeting transcripts in, a versioned knowledge graph out."""

__version__ = "0.1.0"
