-- The unit's accountable people as dispatch-service names them on DISPATCH / SIGN_FOR (data keys
-- personOnDuty*, leaderInCharge*, head*), kept on the order track so that Art 33 notices and
-- warnings name the person on duty (责任人), the leader in charge (分管领导) and the head of the unit
-- (单位主要负责人) at the time of the incident. person_on_duty (the id) exists since V2.
ALTER TABLE order_track
  ADD COLUMN person_on_duty_name   text,
  ADD COLUMN leader_in_charge_id   text,
  ADD COLUMN leader_in_charge_name text,
  ADD COLUMN head_id               text,
  ADD COLUMN head_name             text;

-- A HANDLING verdict looks for the track whose passed check waits for it (was a sequential scan).
CREATE INDEX order_track_pending_pass ON order_track (pending_pass_order)
  WHERE pending_pass_order IS NOT NULL;
