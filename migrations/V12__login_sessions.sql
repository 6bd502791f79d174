-- Browser logins. The login cookie alone cannot be revoked (it is sealed, not stored), so every login
-- also gets a session whose secret (kept only as SHA-256) travels in a second cookie. Logging out ends
-- the session; a password or role change ends all of the user's sessions at once.
CREATE TABLE login_session (
    id             BIGSERIAL    PRIMARY KEY,
    user_id        BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    secret_sha256  VARCHAR(64)  NOT NULL UNIQUE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ended_at       TIMESTAMPTZ
);
CREATE INDEX login_session_user ON login_session (user_id) WHERE ended_at IS NULL;
