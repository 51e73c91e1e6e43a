CREATE INDEX meeting_content_hash IF NOT EXISTS FOR (m:Meeting) ON (m.content_hash)
