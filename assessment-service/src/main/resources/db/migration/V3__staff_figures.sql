-- Collector, collection-unit and operator figures (R-08, R-11, R-22); see docs/assessment.md.

-- Facts (unique id) and precomputed cells per book (COLLECTOR, COLLECTION_UNIT, OPERATOR),
-- subject and period (month and year). n0..n7 are the book's counters in record order
-- (CollectorFigures: reports, valid, false, missed, verifications on time/late, checks on
-- time/late; OperatorFigures: filed, filed on time, dispatched, returned, closed, closed on time).
CREATE TABLE staff_fact (
  fact_id             text PRIMARY KEY,
  book                text        NOT NULL,
  subject_id          text        NOT NULL,
  collection_unit_id  text,
  fact_type           text        NOT NULL,
  at                  timestamptz NOT NULL,
  verdict             text,
  task                text,
  on_time             boolean
);

CREATE TABLE staff_cell (
  book        text   NOT NULL,
  subject_id  text   NOT NULL,
  period      text   NOT NULL,
  n0 bigint NOT NULL DEFAULT 0,
  n1 bigint NOT NULL DEFAULT 0,
  n2 bigint NOT NULL DEFAULT 0,
  n3 bigint NOT NULL DEFAULT 0,
  n4 bigint NOT NULL DEFAULT 0,
  n5 bigint NOT NULL DEFAULT 0,
  n6 bigint NOT NULL DEFAULT 0,
  n7 bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (book, subject_id, period)
);
CREATE INDEX staff_cell_period ON staff_cell (book, period);

-- Two halves of one fact arriving on different topics (who did it / whether on time): the
-- second to arrive books the fact.
CREATE TABLE staff_pairing (
  pair_key    text PRIMARY KEY,
  subject_id  text,
  at          timestamptz,
  fact_id     text,
  on_time     boolean,
  booked      boolean NOT NULL DEFAULT false
);

-- Small notes kept between events of one case on one topic (who dispatched an order, when a
-- verification was requested, when the check passed).
CREATE TABLE staff_note (
  note_key    text PRIMARY KEY,
  subject_id  text,
  at          timestamptz NOT NULL
);
