CREATE INDEX meeting_sort_key IF NOT EXISTS FOR (m:Meeting) ON (m.sort_key)
