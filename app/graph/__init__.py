"""Neo4j access: the driver wrapper, schema migrations, Cypher loading and the local server launcher."""
