UNWIND $attendees AS row
MATCH (p:Entity {id: row.person_id})
MATCH (m:Meeting {id: $meeting_id})
MERGE (p)-[r:ATTENDED]->(m)
SET r.spoke = row.spoke, r.turns = row.turns
RETURN count(r) AS attendees
