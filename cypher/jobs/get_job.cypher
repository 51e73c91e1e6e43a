MATCH (j:Job {id: $id})
RETURN j {
  .id, .status, .external_id, .request_id, .submitted_by, .attempts, .max_attempts, .error, .meeting_id, .result, .claimed_by,
  created_at: toString(j.created_at), updated_at: toString(j.updated_at), finished_at: toString(j.finished_at),
  next_attempt_at: toString(j.next_attempt_at), lease_until: toString(j.lease_until)
} AS job
