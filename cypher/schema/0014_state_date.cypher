CREATE INDEX state_date IF NOT EXISTS FOR (s:State) ON (s.date)
