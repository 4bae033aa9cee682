-- Intake figures per month (Asia/Shanghai) and channel, maintained incrementally from events.
-- Increments are not idempotent by themselves: the inbox makes every event count exactly once.
CREATE TABLE intake_figure (
  month       text    NOT NULL,
  channel     text    NOT NULL,
  registered  bigint  NOT NULL DEFAULT 0,
  filed       bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (month, channel)
);

-- What assessment knows of each case (for figures by unit, category and township later on).
CREATE TABLE assessed_case (
  case_id        text PRIMARY KEY,
  report_no      text        NOT NULL,
  channel        text        NOT NULL,
  registered_at  timestamptz NOT NULL,
  filed_at       timestamptz,
  category_code  text
);
