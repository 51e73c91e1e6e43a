// Many jobs at once, claimed in the order given (the oldest first): datetime() is the same for the whole
// statement, so each job's created_at is offset by its position.
UNWIND $jobs AS row
CREATE (j:Job {
  id: row.id,
  status: 'queued',
  payload: row.payload,
  external_id: row.external_id,
  request_id: $request_id,
  submitted_by: $submitted_by,
  attempts: 0,
  max_attempts: $max_attempts,
  next_attempt_at: datetime(),
  created_at: datetime() + duration({microseconds: row.position}),
  updated_at: datetime()
})
RETURN j {
  .id, .status, .external_id, .request_id, .submitted_by, .attempts, .max_attempts,
  created_at: toString(j.created_at), updated_at: toString(j.updated_at), next_attempt_at: toString(j.next_attempt_at)
} AS job
ORDER BY j.created_at
