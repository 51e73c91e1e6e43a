SHOW VECTOR INDEXES YIELD name, state, populationPercent
RETURN name, state, populationPercent
ORDER BY name
