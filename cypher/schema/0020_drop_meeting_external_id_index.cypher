DROP INDEX meeting_external_id IF EXISTS
