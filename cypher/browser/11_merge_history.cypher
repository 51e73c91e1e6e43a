// Merge history: the merges that can still be undone and the entity each one folded others into
MATCH merged = (:MergeEvent)-[:MERGED_INTO]->(:Entity)
RETURN merged
