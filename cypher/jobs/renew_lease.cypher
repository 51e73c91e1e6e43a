MATCH (j:Job {id: $id, status: 'running', claimed_by: $worker})
SET j.lease_until = datetime() + duration({milliseconds: $lease_ms}), j.updated_at = datetime()
RETURN j.id AS id
