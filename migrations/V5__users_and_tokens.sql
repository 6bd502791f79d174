-- People who use Earshot, with one role each (admin implies researcher implies annotator), and their
-- API tokens. Passwords are bcrypt in modular crypt form; tokens are kept only as SHA-256.
CREATE TABLE app_user (
    id             BIGSERIAL    PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]*$'),
    password_hash  VARCHAR(100) NOT NULL,
    role           VARCHAR(16)  NOT NULL CHECK (role IN ('admin', 'researcher', 'annotator')),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A token acts with its own role, never above its owner's current role.
CREATE TABLE api_token (
    id            UUID         PRIMARY KEY,
    user_id       BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name          VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('admin', 'researcher', 'annotator')),
    token_sha256  VARCHAR(64)    NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ
);
CREATE INDEX api_token_user ON api_token (user_id, created_at);
