// ingest/write_attendance for a batch of meetings: each row names its meeting.
UNWIND $attendees AS row
MATCH (p:Entity {id: row.person_id})
MATCH (m:Meeting {id: row.meeting_id})
CREATE (p)-[:ATTENDED {spoke: row.spoke, turns: row.turns}]->(m)
