CREATE INDEX ignored_name_key IF NOT EXISTS FOR (n:IgnoredName) ON (n.key)
