MATCH (j:Job {id: $id, status: 'running', claimed_by: $worker})
SET j.status = 'failed',
    j.error = $error,
    j.lease_until = null,
    j.finished_at = datetime(),
    j.updated_at = datetime()
RETURN j.id AS id
