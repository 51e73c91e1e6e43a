CALL db.index.fulltext.queryNodes('person_names', $lucene, {limit: $limit}) YIELD node
RETURN node.id AS id, node.name AS name
