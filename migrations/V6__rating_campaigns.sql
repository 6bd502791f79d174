-- Rating campaigns: which responses people compare, who rates them, and every assignment and vote.

CREATE TABLE campaign (
    id            UUID          PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    dataset_id    BIGINT        NOT NULL REFERENCES dataset (id),
    dimensions    JSONB         NOT NULL,
    instructions  TEXT          NOT NULL DEFAULT '',
    reason_tags   JSONB         NOT NULL DEFAULT '[]'::jsonb,
    -- votes wanted per pair
    overlap       INT           NOT NULL CHECK (overlap BETWEEN 1 AND 100),
    -- share of a rater's assignments that are gold pairs
    gold_rate     DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (gold_rate >= 0 AND gold_rate <= 0.5),
    status        VARCHAR(8)    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE campaign_system (
    campaign_id  UUID    NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    system_id    BIGINT  NOT NULL REFERENCES system_under_test (id),
    PRIMARY KEY (campaign_id, system_id)
);

CREATE TABLE campaign_rater (
    campaign_id  UUID         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    username     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (campaign_id, username)
);

-- The pairs to rate: two systems' responses to one prompt, or a gold pair whose better side is known.
CREATE TABLE campaign_pair (
    id               BIGSERIAL    PRIMARY KEY,
    campaign_id      UUID         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    prompt_id        BIGINT       NOT NULL REFERENCES prompt (id),
    response_x_id    BIGINT       NOT NULL REFERENCES response (id),
    response_y_id    BIGINT       NOT NULL REFERENCES response (id),
    gold             BOOLEAN      NOT NULL DEFAULT false,
    -- for gold pairs: the dimension whose answer is known; response_x is the better one
    gold_dimension   VARCHAR(32),
    UNIQUE (campaign_id, response_x_id, response_y_id, gold),
    CHECK (response_x_id <> response_y_id),
    CHECK (gold = (gold_dimension IS NOT NULL))
);
CREATE INDEX campaign_pair_campaign ON campaign_pair (campaign_id, gold);

-- One pair given to one rater, never twice; the sides they heard it in are recorded.
CREATE TABLE rating_assignment (
    id                  UUID         PRIMARY KEY,
    campaign_id         UUID         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    pair_id             BIGINT       NOT NULL REFERENCES campaign_pair (id) ON DELETE CASCADE,
    rater               VARCHAR(64)  NOT NULL,
    -- n-th assignment of this rater in this campaign, from 1
    sequence            INT          NOT NULL,
    response_a_id       BIGINT       NOT NULL REFERENCES response (id),
    response_b_id       BIGINT       NOT NULL REFERENCES response (id),
    issued_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    played_a_at         TIMESTAMPTZ,
    played_b_at         TIMESTAMPTZ,
    status              VARCHAR(8)   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'voted', 'skipped')),
    finished_at         TIMESTAMPTZ,
    UNIQUE (pair_id, rater),
    UNIQUE (campaign_id, rater, sequence)
);
CREATE INDEX rating_assignment_rater ON rating_assignment (campaign_id, rater, status);

-- A submitted vote; its id is made by the client, so a retried submit is recognised.
CREATE TABLE rating_vote (
    id              UUID         PRIMARY KEY,
    assignment_id   UUID         NOT NULL UNIQUE REFERENCES rating_assignment (id) ON DELETE CASCADE,
    campaign_id     UUID         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    rater           VARCHAR(64)  NOT NULL,
    -- dimension -> verdict, from the point of view of the response heard as A
    verdicts        JSONB        NOT NULL,
    reason_tags     JSONB        NOT NULL DEFAULT '[]'::jsonb,
    comment         TEXT         NOT NULL DEFAULT '',
    -- time from the assignment being issued to the vote
    elapsed_ms      BIGINT       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX rating_vote_rater ON rating_vote (rater, created_at);
CREATE INDEX rating_vote_campaign ON rating_vote (campaign_id, created_at);

-- Human votes of a campaign land in preference like every other verdict, tagged with the campaign.
ALTER TABLE preference ADD COLUMN campaign_id UUID NULL REFERENCES campaign (id);
CREATE INDEX preference_campaign ON preference (campaign_id) WHERE campaign_id IS NOT NULL;
