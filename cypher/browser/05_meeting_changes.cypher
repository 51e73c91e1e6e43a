// What meeting $meeting changed: the versions it recorded, their owners and blockers, and its decisions
MATCH (meeting:Meeting)
WHERE meeting.external_id = $meeting OR meeting.id = $meeting OR meeting.title = $meeting
MATCH changed = (meeting)<-[:RECORDED_IN]-(state:State)<-[:HAS_STATE]-(:Entity)
OPTIONAL MATCH refs = (state)-[:OWNED_BY|BLOCKED_BY]->(:Entity)
OPTIONAL MATCH decided = (meeting)<-[:DECIDED_IN]-(:Decision)-[:ABOUT]->(:Entity)
RETURN changed, refs, decided
