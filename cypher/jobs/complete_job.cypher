MATCH (j:Job {id: $id, status: 'running', claimed_by: $worker})
SET j.status = 'done',
    j.meeting_id = $meeting_id,
    j.result = $result,
    j.error = null,
    j.lease_until = null,
    j.finished_at = datetime(),
    j.updated_at = datetime()
RETURN j.id AS id
