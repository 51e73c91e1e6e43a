CREATE (j:Job {
  id: $id,
  status: 'queued',
  payload: $payload,
  external_id: $external_id,
  request_id: $request_id,
  submitted_by: $submitted_by,
  attempts: 0,
  max_attempts: $max_attempts,
  next_attempt_at: datetime(),
  created_at: datetime(),
  updated_at: datetime()
})
RETURN j {
  .id, .status, .external_id, .request_id, .submitted_by, .attempts, .max_attempts,
  created_at: toString(j.created_at), updated_at: toString(j.updated_at), next_attempt_at: toString(j.next_attempt_at)
} AS job
