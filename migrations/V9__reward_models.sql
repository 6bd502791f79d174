-- Reward models trained from preference pairs become judges of their own kind, 'reward-model'.
ALTER TABLE judge_version DROP CONSTRAINT judge_version_kind_check;
ALTER TABLE judge_version ALTER COLUMN kind TYPE VARCHAR(16);
ALTER TABLE judge_version ADD CONSTRAINT judge_version_kind_check
    CHECK (kind IN ('dsp', 'text', 'onnx', 'llm', 'reward-model'));

-- One training of a reward model: its settings, progress, held-out accuracies and the judge version
-- it produced. A training still queued or running when the service stopped is marked failed at the
-- next start.
CREATE TABLE reward_model_training (
    id             BIGSERIAL    PRIMARY KEY,
    config         JSONB        NOT NULL,
    status         VARCHAR(10)  NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    step           INTEGER      NOT NULL DEFAULT 0,
    total_steps    INTEGER      NOT NULL CHECK (total_steps > 0),
    metrics        JSONB,
    judge_id       VARCHAR(100),
    judge_version  VARCHAR(64),
    error          TEXT,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    FOREIGN KEY (judge_id, judge_version) REFERENCES judge_version (judge_id, version)
);
