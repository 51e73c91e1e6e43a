"""Reading the graph: entity views, structured queries, and natural-language questions."""
