-- Slack message identities became ts then channel ('slack:<team>:<ts>:<channel>', was 'slack:<team>:<channel>:<ts>'),
-- so rewrite the stored ones: a retry or second event id for a message stored before the upgrade must still be
-- recognised. Only message and mention keys have that shape (commands and clicks have their own, left alone). A
-- message already stored under both shapes (a retry that spanned the upgrade) keeps its old row as it is.
UPDATE inbox_events SET message_key = rewritten.new_key
FROM (
    SELECT id, 'slack:' || team || ':' || ts || ':' || channel AS new_key
    FROM (
        SELECT id, team, substr(rest, 1, instr(rest, ':') - 1) AS channel, substr(rest, instr(rest, ':') + 1) AS ts
        FROM (
            SELECT id, substr(tail, 1, instr(tail, ':') - 1) AS team, substr(tail, instr(tail, ':') + 1) AS rest
            FROM (SELECT id, substr(message_key, 7) AS tail FROM inbox_events WHERE platform = 'slack' AND message_key LIKE 'slack:%')
            WHERE instr(tail, ':') > 1
        )
        WHERE instr(rest, ':') > 1
    )
    WHERE channel GLOB '[A-Za-z]*'
      AND ts GLOB '[0-9]*.[0-9]*' AND ts NOT GLOB '*[^0-9.]*' AND ts NOT GLOB '*.*.*'
) AS rewritten
WHERE inbox_events.id = rewritten.id
  AND NOT EXISTS (SELECT 1 FROM inbox_events other WHERE other.message_key = rewritten.new_key);
