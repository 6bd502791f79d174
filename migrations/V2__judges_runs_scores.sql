-- Every version of every judge that ever scored anything; a judge file's content hash is its version.
CREATE TABLE judge_version (
    judge_id     VARCHAR(100) NOT NULL,
    version      VARCHAR(64)  NOT NULL,
    kind         VARCHAR(8)   NOT NULL CHECK (kind IN ('dsp', 'text', 'onnx', 'llm')),
    dimensions   JSONB        NOT NULL,
    description  TEXT         NOT NULL,
    definition   JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (judge_id, version)
);

-- An evaluation run: dataset x systems x judge versions. Its work is one job per (response, judge).
CREATE TABLE evaluation_run (
    id           BIGSERIAL    PRIMARY KEY,
    dataset_id   BIGINT       NOT NULL REFERENCES dataset (id),
    systems      JSONB        NOT NULL,
    judges       JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);

-- Jobs are claimed with FOR UPDATE SKIP LOCKED, so any number of workers and instances share them.
-- A running job whose lease expired (its worker died) is claimed again.
CREATE TABLE evaluation_job (
    id             BIGSERIAL    PRIMARY KEY,
    run_id         BIGINT       NOT NULL REFERENCES evaluation_run (id) ON DELETE CASCADE,
    response_id    BIGINT       NOT NULL REFERENCES response (id),
    judge_id       VARCHAR(100) NOT NULL,
    judge_version  VARCHAR(64)  NOT NULL,
    status         VARCHAR(8)   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts       INTEGER      NOT NULL DEFAULT 0,
    claimed_by     VARCHAR(100),
    lease_until    TIMESTAMPTZ,
    error          TEXT,
    finished_at    TIMESTAMPTZ,
    FOREIGN KEY (judge_id, judge_version) REFERENCES judge_version (judge_id, version),
    UNIQUE (run_id, response_id, judge_id, judge_version)
);
CREATE INDEX evaluation_job_claimable ON evaluation_job (id) WHERE status IN ('pending', 'running');
CREATE INDEX evaluation_job_run_status ON evaluation_job (run_id, status);

-- One score per (response, judge version, dimension), ever: a re-run or a resumed job never
-- scores twice, and a changed judge (new version) never overwrites old scores.
CREATE TABLE judge_score (
    id             BIGSERIAL        PRIMARY KEY,
    response_id    BIGINT           NOT NULL REFERENCES response (id),
    judge_id       VARCHAR(100)     NOT NULL,
    judge_version  VARCHAR(64)      NOT NULL,
    dimension      VARCHAR(32)      NOT NULL,
    value          DOUBLE PRECISION NOT NULL CHECK (value >= 0 AND value <= 1),
    reason         TEXT             NOT NULL,
    details        JSONB            NOT NULL DEFAULT '{}'::jsonb,
    created_at     TIMESTAMPTZ      NOT NULL DEFAULT now(),
    FOREIGN KEY (judge_id, judge_version) REFERENCES judge_version (judge_id, version),
    UNIQUE (response_id, judge_id, judge_version, dimension)
);
CREATE INDEX judge_score_judge ON judge_score (judge_id, judge_version, dimension);
