-- Notifications to people (通知, issue 21; docs/notifications.md, docs/adr/0008): a bounded part of
-- sla-service with its own tables, never joined with the clocks' tables.

-- The contact directory: one row per person (a realm username), with the unit and role the routing
-- looks them up by, the contact details (the phone leaves the service only inside an SMPP PDU) and
-- the person's own choices.
CREATE TABLE notify_contact (
    person_id       text PRIMARY KEY,
    display_name    text NOT NULL,
    role            text NOT NULL,
    unit_id         text,
    collector_id    text,
    on_duty         boolean NOT NULL DEFAULT true,
    phone           text,
    webhook_kind    text CHECK (webhook_kind IN ('DINGTALK', 'WECOM')),
    webhook_url     text,
    webhook_secret  text,
    sms_enabled     boolean NOT NULL DEFAULT true,
    webhook_enabled boolean NOT NULL DEFAULT false,
    quiet_start     time,
    quiet_end       time,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);
CREATE INDEX notify_contact_unit_role ON notify_contact (unit_id, role);
CREATE INDEX notify_contact_role ON notify_contact (role);
CREATE UNIQUE INDEX notify_contact_collector ON notify_contact (collector_id)
    WHERE collector_id IS NOT NULL;

-- One notification per (source event, recipient, kind): the id is derived from them, so a replayed
-- event never raises a second one. The console inbox is this table (read_at).
CREATE TABLE notification (
    id              text PRIMARY KEY,
    recipient_id    text NOT NULL,
    kind            text NOT NULL,
    urgent          boolean NOT NULL,
    title_zh        text NOT NULL,
    title_en        text NOT NULL,
    case_id         text,
    source_event_id text NOT NULL,
    raised_at       timestamptz NOT NULL,
    read_at         timestamptz
);
CREATE INDEX notification_recipient ON notification (recipient_id, raised_at DESC);
CREATE INDEX notification_case ON notification (case_id);

-- One delivery per (notification, channel): the notification id is the idempotency key of the
-- send. QUEUED -> SENDING (claimed, leased) -> SENT -> DELIVERED, or back to QUEUED with back-off,
-- or FAILED with the reason.
CREATE TABLE notify_delivery (
    notification_id text NOT NULL REFERENCES notification (id),
    channel         text NOT NULL CHECK (channel IN ('CONSOLE', 'SMS', 'WEBHOOK')),
    state           text NOT NULL CHECK (state IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    held_until      timestamptz,
    last_error      text,
    provider_ref    text,
    queued_at       timestamptz NOT NULL,
    sent_at         timestamptz,
    delivered_at    timestamptz,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (notification_id, channel)
);
CREATE INDEX notify_delivery_due ON notify_delivery (next_attempt_at)
    WHERE state IN ('QUEUED', 'SENDING');
CREATE INDEX notify_delivery_ref ON notify_delivery (channel, provider_ref)
    WHERE provider_ref IS NOT NULL;
