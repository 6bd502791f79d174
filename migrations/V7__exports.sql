-- Reward-data exports: a config, run in the background into <data-dir>/exports/<id>/. The files
-- (and their manifest) are the snapshot; this row tracks the work and keeps what the UI lists.
CREATE TABLE export (
    id               BIGSERIAL        PRIMARY KEY,
    -- the normalised config, defaults filled in (the same JSON as in the export's manifest.json)
    config           JSONB            NOT NULL,
    status           VARCHAR(8)       NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress         DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
    -- rows read, pairs formed and dropped per selection step, records written (set when done)
    counts           JSONB,
    -- the newest source row the export read and how many it read (set when done)
    high_water_mark  JSONB,
    created_by       TEXT,
    created_at       TIMESTAMPTZ      NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    error            TEXT
);
