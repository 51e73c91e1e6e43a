// Open action items: who is to do what, the meeting that raised each, and the transcript chunk that says so
MATCH open = (:Person)<-[:ASSIGNED_TO]-(item:ActionItem)-[:RAISED_IN]->(:Meeting)
WHERE NOT (item)-[:CLOSED_IN]->(:Meeting)
OPTIONAL MATCH evidence = (item)-[:EVIDENCED_BY]->(:Memory)
RETURN open, evidence
