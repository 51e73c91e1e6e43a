CREATE INDEX job_status_created IF NOT EXISTS FOR (j:Job) ON (j.status, j.created_at)
