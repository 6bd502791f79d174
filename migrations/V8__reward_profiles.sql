-- Named recipes for the online reward endpoint: which judges (optionally pinned to a version), the
-- weight of each judge's dimension, and how a batch's combined scores become rewards. Every change
-- bumps the revision, so rewards cached under an older revision are never served again.
CREATE TABLE reward_profile (
    id             BIGSERIAL        PRIMARY KEY,
    name           VARCHAR(100)     NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]+$'),
    -- [{"judge": "audio-quality", "version": null or "<pinned>", "weights": {"quality": 1.0}}]
    judges         JSONB            NOT NULL,
    normalisation  VARCHAR(16)      NOT NULL CHECK (normalisation IN ('none', 'batch-z-score', 'clip')),
    clip_min       DOUBLE PRECISION,
    clip_max       DOUBLE PRECISION,
    decimals       INTEGER          NOT NULL CHECK (decimals BETWEEN 0 AND 12),
    revision       INTEGER          NOT NULL DEFAULT 1,
    created_by     VARCHAR(100),
    created_at     TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CHECK ((normalisation = 'clip') = (clip_min IS NOT NULL AND clip_max IS NOT NULL)),
    CHECK (clip_min IS NULL OR clip_min < clip_max)
);

-- Secrets that let a trainer call POST /api/reward/{key} without other credentials. Only the
-- SHA-256 of a key is kept; the key itself is shown once, when it is created.
CREATE TABLE reward_profile_key (
    id           BIGSERIAL     PRIMARY KEY,
    profile_id   BIGINT        NOT NULL REFERENCES reward_profile (id) ON DELETE CASCADE,
    key_sha256   VARCHAR(64)   NOT NULL UNIQUE,
    label        VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX reward_profile_key_profile ON reward_profile_key (profile_id);
