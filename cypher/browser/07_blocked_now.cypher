// Blocked now: items whose current state is blocked, and what blocks them
MATCH blocked = (:Entity)-[:CURRENT_STATE]->(:State {status: 'blocked'})-[:BLOCKED_BY]->(:Entity)
RETURN blocked
