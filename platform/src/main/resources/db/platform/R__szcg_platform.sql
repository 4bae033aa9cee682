-- Tables of the shared platform (outbox relay, idempotent consumers), present in every service's
-- own database. Repeatable and idempotent: Flyway re-runs it only when it changes.

-- Transactional outbox: an event row is written in the same transaction as the state change and
-- relayed to Kafka in id order (so in order per case), at least once.
CREATE TABLE IF NOT EXISTS outbox (
  id          bigserial PRIMARY KEY,
  event_id    text        NOT NULL UNIQUE,
  topic       text        NOT NULL,
  msg_key     text        NOT NULL,
  event_type  text        NOT NULL,
  headers     jsonb       NOT NULL,
  payload     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Idempotent consumers: the id of every event applied, recorded in the same transaction as its
-- effect, so a redelivered event changes nothing.
CREATE TABLE IF NOT EXISTS inbox (
  event_id     text        NOT NULL,
  consumer     text        NOT NULL,
  event_type   text        NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, consumer)
);
