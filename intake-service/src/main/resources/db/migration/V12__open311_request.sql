-- Open311 GeoReport v2 (issue 22, docs/api.md "Open311 GeoReport v2"): which reports arrived as
-- service requests of an Open311 app (a confidential client of the realm with role open311-app),
-- and the media URL the app gave. The report itself is an ordinary public report (channel WEBSITE,
-- client_id 'open311:<app>'); GET requests lists only the reports of this table, never the
-- reporter (first_name, last_name and phone go to the report, seen by the center only; email,
-- device_id and account_id are not kept).
CREATE TABLE open311_request (
  report_id     uuid        PRIMARY KEY REFERENCES report (id),
  app_client_id text        NOT NULL,
  media_url     text,
  requested_at  timestamptz NOT NULL
);
CREATE INDEX open311_request_time ON open311_request (requested_at);
