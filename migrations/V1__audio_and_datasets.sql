-- Audio is content-addressed: one row per distinct file (SHA-256 of the original bytes), the bytes
-- themselves live under <data-dir>/audio/.
CREATE TABLE audio_asset (
    sha256           VARCHAR(64)         PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    format           VARCHAR(8)       NOT NULL CHECK (format IN ('wav', 'flac')),
    sample_rate      INTEGER          NOT NULL CHECK (sample_rate > 0),
    channels         INTEGER          NOT NULL CHECK (channels > 0),
    bits_per_sample  INTEGER          NOT NULL CHECK (bits_per_sample > 0),
    frames           BIGINT           NOT NULL CHECK (frames > 0),
    duration_seconds DOUBLE PRECISION NOT NULL CHECK (duration_seconds > 0),
    size_bytes       BIGINT           NOT NULL CHECK (size_bytes > 0),
    created_at       TIMESTAMPTZ      NOT NULL DEFAULT now()
);

CREATE TABLE dataset (
    id             BIGSERIAL    PRIMARY KEY,
    name           VARCHAR(100) NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]+$'),
    description    TEXT,
    source_sha256  VARCHAR(64),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE prompt (
    id              BIGSERIAL    PRIMARY KEY,
    dataset_id      BIGINT       NOT NULL REFERENCES dataset (id) ON DELETE CASCADE,
    external_id     VARCHAR(100) NOT NULL CHECK (external_id ~ '^[A-Za-z0-9._-]+$'),
    position        INTEGER      NOT NULL,
    text            TEXT,
    audio_sha256    VARCHAR(64)     REFERENCES audio_asset (sha256),
    reference       TEXT,
    expectations    JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (dataset_id, external_id),
    CHECK (text IS NOT NULL OR audio_sha256 IS NOT NULL)
);

-- A system is a model under test; the same system can answer prompts of several datasets.
CREATE TABLE system_under_test (
    id           BIGSERIAL    PRIMARY KEY,
    name         VARCHAR(100) NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]+$'),
    description  TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE response (
    id            BIGSERIAL   PRIMARY KEY,
    prompt_id     BIGINT      NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
    system_id     BIGINT      NOT NULL REFERENCES system_under_test (id),
    audio_sha256  VARCHAR(64)    NOT NULL REFERENCES audio_asset (sha256),
    text_channel  TEXT,
    latency_ms    INTEGER     CHECK (latency_ms >= 0),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (prompt_id, system_id)
);

CREATE INDEX prompt_dataset_position ON prompt (dataset_id, position);
CREATE INDEX response_system ON response (system_id);
