MATCH (j:Job {id: $id, status: 'failed'})
SET j.status = 'queued',
    j.attempts = 0,
    j.next_attempt_at = datetime(),
    j.claimed_by = null,
    j.finished_at = null,
    j.updated_at = datetime()
RETURN j.id AS id
