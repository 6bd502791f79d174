-- Speech codecs (tokenizers) under test. A codec is a system: its responses, those of the system
-- with the same name, are resyntheses of the prompts' audio.
CREATE TABLE codec (
    id             BIGSERIAL        PRIMARY KEY,
    name           VARCHAR(100)     NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9._-]+$'),
    frame_rate     DOUBLE PRECISION NOT NULL CHECK (frame_rate > 0 AND frame_rate <= 100000),
    codebooks      INTEGER          NOT NULL CHECK (codebooks BETWEEN 1 AND 1024),
    codebook_size  INTEGER          NOT NULL CHECK (codebook_size >= 2),
    description    TEXT,
    created_at     TIMESTAMPTZ      NOT NULL DEFAULT now()
);

-- What one resynthesis (a response of a codec) kept of its prompt's audio; written once by the
-- codec evaluation job of that response, in the transaction that closes the job.
CREATE TABLE resynthesis_metrics (
    response_id                 BIGINT           PRIMARY KEY REFERENCES response (id) ON DELETE CASCADE,
    alignment_lag_seconds       DOUBLE PRECISION NOT NULL,
    lsd_db                      DOUBLE PRECISION NOT NULL,
    mcd_db                      DOUBLE PRECISION NOT NULL,
    si_sdr_db                   DOUBLE PRECISION NOT NULL,
    stoi                        DOUBLE PRECISION,
    f0_rmse_cents               DOUBLE PRECISION,
    f0_correlation              DOUBLE PRECISION,
    voicing_error_rate          DOUBLE PRECISION NOT NULL,
    intonation_kept             BOOLEAN          NOT NULL,
    loudness_difference_lu      DOUBLE PRECISION,
    bandwidth_original_hz       DOUBLE PRECISION,
    bandwidth_resynthesised_hz  DOUBLE PRECISION,
    created_at                  TIMESTAMPTZ      NOT NULL DEFAULT now()
);

-- Evaluation jobs of other kinds than judging: a 'judge' job names its judge version, any other
-- kind (such as 'resynthesis') names none and is run by the feature that owns the kind.
ALTER TABLE evaluation_job ADD COLUMN kind VARCHAR(32) NOT NULL DEFAULT 'judge';
ALTER TABLE evaluation_job ALTER COLUMN judge_id DROP NOT NULL;
ALTER TABLE evaluation_job ALTER COLUMN judge_version DROP NOT NULL;
ALTER TABLE evaluation_job ADD CONSTRAINT evaluation_job_kind_judge
    CHECK ((kind = 'judge') = (judge_id IS NOT NULL AND judge_version IS NOT NULL));
