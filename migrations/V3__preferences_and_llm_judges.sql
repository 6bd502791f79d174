-- Pairwise judges compare two responses to the same prompt: their jobs name the second response too.
-- A is the response of the system whose name sorts first.
ALTER TABLE evaluation_job ADD COLUMN response_b_id BIGINT NULL REFERENCES response (id);
ALTER TABLE evaluation_job DROP CONSTRAINT evaluation_job_run_id_response_id_judge_id_judge_version_key;
CREATE UNIQUE INDEX evaluation_job_unique_work
    ON evaluation_job (run_id, response_id, COALESCE(response_b_id, 0), judge_id, judge_version);

-- Every preference pair, whoever made it: human votes and AI judge verdicts alike. Response A is the
-- one presented first (left); verdicts are from A's point of view.
CREATE TABLE preference (
    id                 UUID         PRIMARY KEY,
    prompt_id          BIGINT       NOT NULL REFERENCES prompt (id),
    response_a_id      BIGINT       NOT NULL REFERENCES response (id),
    response_b_id      BIGINT       NOT NULL REFERENCES response (id),
    dimension          VARCHAR(32)  NOT NULL,
    verdict            VARCHAR(16)  NOT NULL CHECK (verdict IN ('a_much_better', 'a_better', 'tie', 'b_better', 'b_much_better', 'both_bad')),
    source_kind        VARCHAR(8)   NOT NULL CHECK (source_kind IN ('human', 'judge')),
    -- 'rater:<user id>' for people, '<judge id>@<version>' for judges
    source             VARCHAR(200) NOT NULL,
    position_conflict  BOOLEAN,
    details            JSONB        NOT NULL DEFAULT '{}'::jsonb,
    -- the evaluation job that made a judge's verdict; null for people
    job_id             BIGINT       NULL REFERENCES evaluation_job (id) ON DELETE SET NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (response_a_id <> response_b_id)
);
CREATE INDEX preference_source ON preference (source_kind, source, dimension);
CREATE INDEX preference_prompt ON preference (prompt_id);
CREATE INDEX preference_job ON preference (job_id);

-- Raw answers of the llm judges by a hash of the judge version and the whole request, so that
-- re-running a judge on the same inputs costs no model call.
CREATE TABLE llm_judge_cache (
    cache_key   VARCHAR(64)  PRIMARY KEY,
    answer      TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
