-- A platform's retry repeats its payload, so the message key (unique) already recognises it: the event key's own
-- unique index cost every accepted webhook an index insert and caught nothing more. The event key stays, for
-- operators (dead letters).
ALTER TABLE inbox_events DROP CONSTRAINT inbox_events_event_key_key;
