CREATE INDEX meeting_external_id IF NOT EXISTS FOR (m:Meeting) ON (m.external_id)
