CREATE INDEX state_sort_key IF NOT EXISTS FOR (s:State) ON (s.sort_key)
