-- Who did what, when and from where: administrative and researcher actions (users, roles, tokens,
-- reward keys, campaign state, exports, arena imports). Rows are only ever inserted; details never
-- hold secrets (passwords, token secrets, reward keys), only names and ids.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor       VARCHAR(128) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(512) NOT NULL,
    details     JSONB        NOT NULL DEFAULT '{}'::jsonb,
    address     VARCHAR(64)
);
CREATE INDEX audit_event_actor ON audit_event (actor, id);
CREATE INDEX audit_event_action ON audit_event (action, id);
