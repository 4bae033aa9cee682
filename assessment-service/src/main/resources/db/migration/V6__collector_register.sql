-- Issue 7: the collector register (信息采集员 → 信息采集单位) as intake-service publishes it
-- (collector-registered; and the collection unit a newly recorded duty shift carries,
-- collector-duty-recorded revision 1) — CollectorRegister, see docs/assessment.md. A collector fact
-- is booked under the collector's collection unit at booking time (UNREGISTERED while unknown).
-- The unit with the latest unit_changed_at wins, whatever order the events arrive in; the other
-- columns come from the latest collector-registered (changed_at; null while only shifts were seen).
CREATE TABLE collector_register (
  collector_id        text PRIMARY KEY,
  collection_unit_id  text        NOT NULL,
  unit_changed_at     timestamptz NOT NULL,
  name                text,
  active              boolean,
  cert_number         text,
  cert_valid_from     date,
  cert_valid_to       date,
  changed_at          timestamptz
);

-- The collection unit a miss (漏报) was booked under, so that booking it back takes it off the same
-- unit even if the collector has moved since (null: booked before this column existed).
ALTER TABLE missed_report ADD COLUMN collection_unit_id text;
