UNWIND $attendees AS row
MATCH (p:Entity {id: row.person_id})
MATCH (m:Meeting {id: $meeting_id})
CREATE (p)-[:ATTENDED {spoke: row.spoke, turns: row.turns}]->(m)
