CREATE INDEX meeting_date IF NOT EXISTS FOR (m:Meeting) ON (m.date)
