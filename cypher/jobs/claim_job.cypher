// The oldest job that is due (queued) or abandoned (running past its lease). Taking the node's write lock
// (SET _lock) and then re-reading its state makes the claim safe against other workers racing for it:
// the loser waits for the winner's commit, re-reads status = running with a live lease, and claims nothing.
MATCH (j:Job)
WHERE j.status IN ['queued', 'running']
  AND ((j.status = 'queued' AND j.next_attempt_at <= datetime())
    OR (j.status = 'running' AND j.lease_until < datetime()))
WITH j ORDER BY j.created_at LIMIT 1
SET j._lock = true
WITH j, ((j.status = 'queued' AND j.next_attempt_at <= datetime())
      OR (j.status = 'running' AND j.lease_until < datetime())) AS claimable
REMOVE j._lock
WITH j WHERE claimable
SET j.status = 'running',
    j.claimed_by = $worker,
    j.attempts = j.attempts + 1,
    j.lease_until = datetime() + duration({milliseconds: $lease_ms}),
    j.updated_at = datetime()
RETURN j {.id, .payload, .request_id, .attempts, .max_attempts} AS job
