// Changes since $since (a table): every state change from that date on, oldest first, with its quote
MATCH (item:Entity)-[:HAS_STATE]->(state:State)-[:RECORDED_IN]->(meeting:Meeting)
WHERE state.date >= $since
RETURN toString(meeting.date) AS date, meeting.title AS meeting, item.name AS item, state.changed AS changed,
       state.status AS status, state.progress AS progress, state.quote AS quote
ORDER BY state.sort_key, item
