-- Chat sessions on PostgreSQL (issue 13): one row per session, one row per message (append-only), so a turn writes
-- its new messages and one small session row, whatever the history or the number of sessions.
-- JSON is stored as text, exactly as the application serialised and validated it (the json/jsonb types would reject
-- or rewrite some strings users can type, e.g. \u0000); it is validated again on every read.

CREATE TABLE chat_sessions (
  id          text        PRIMARY KEY,
  token_hash  text        NOT NULL,             -- hex sha256 of the owner token; the token is never stored
  head        text        NOT NULL,             -- the session without id, tokenHash and messages (JSON)
  updated_at  timestamptz NOT NULL,             -- = head.updatedAt; drives TTL pruning
  messages    integer     NOT NULL DEFAULT 0,   -- number of rows in chat_session_messages
  bytes       bigint      NOT NULL DEFAULT 0,   -- size of the whole session as JSON, for the per-session cap and the quota
  corrupt     boolean     NOT NULL DEFAULT false -- set when a read found data that does not validate; never pruned
);

CREATE INDEX chat_sessions_updated_at ON chat_sessions (updated_at) WHERE NOT corrupt;

CREATE TABLE chat_session_messages (
  session_id  text    NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
  position    integer NOT NULL,                 -- 0, 1, 2, ... in conversation order
  message     text    NOT NULL,                 -- one stored message (JSON)
  PRIMARY KEY (session_id, position)
);

-- /readyz writes one row per instance here: a real round-trip write that does not grow.
CREATE TABLE store_probes (
  instance   text        PRIMARY KEY,
  probed_at  timestamptz NOT NULL
);
