CREATE VECTOR INDEX entity_name_embedding IF NOT EXISTS
FOR (e:Entity) ON e.name_embedding
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine'}}
