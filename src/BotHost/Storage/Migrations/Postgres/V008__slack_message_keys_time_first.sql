-- Slack message identities became ts then channel ('slack:<team>:<ts>:<channel>', was 'slack:<team>:<channel>:<ts>'),
-- so rewrite the stored ones: a retry or second event id for a message stored before the upgrade must still be
-- recognised. Only message and mention keys have that shape (commands and clicks have their own, left alone). A
-- message already stored under both shapes (a retry that spanned the upgrade) keeps its old row as it is.
UPDATE inbox_events e
SET message_key = regexp_replace(e.message_key, '^slack:([^:]+):([^:]+):([0-9]+\.[0-9]+)$', 'slack:\1:\3:\2')
WHERE e.platform = 'slack'
  AND e.message_key ~ '^slack:[^:]+:[A-Za-z][^:]*:[0-9]+\.[0-9]+$'
  AND NOT EXISTS (
      SELECT 1 FROM inbox_events other
      WHERE other.message_key = regexp_replace(e.message_key, '^slack:([^:]+):([^:]+):([0-9]+\.[0-9]+)$', 'slack:\1:\3:\2'));
