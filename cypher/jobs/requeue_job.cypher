// Back to the queue after a failed attempt; `refund` gives the attempt back when the failure was not the job's
// (the database was unreachable, or this process is shutting down).
MATCH (j:Job {id: $id, status: 'running', claimed_by: $worker})
SET j.status = 'queued',
    j.attempts = CASE WHEN $refund THEN j.attempts - 1 ELSE j.attempts END,
    j.error = coalesce($error, j.error),
    j.next_attempt_at = datetime() + duration({milliseconds: $delay_ms}),
    j.claimed_by = null,
    j.lease_until = null,
    j.updated_at = datetime()
RETURN j.id AS id
