-- Blind rating (issue 13): one served audio format per campaign, evidence of what each rater was
-- sent, campaign closing that only an admin undoes, and a per-rater row that serialises votes so a
-- rate limit holds under concurrent submits.

-- Every side of every item is served as mono 16-bit PCM WAV at this rate: the highest rate among
-- the campaign's responses, so no system is heard at a lower quality than it was delivered in.
ALTER TABLE campaign ADD COLUMN audio_sample_rate INT;
UPDATE campaign c
   SET audio_sample_rate = least(48000, coalesce(
       (SELECT max(a.sample_rate) FROM campaign_pair p
          JOIN response r ON r.id IN (p.response_x_id, p.response_y_id)
          JOIN audio_asset a ON a.sha256 = r.audio_sha256
         WHERE p.campaign_id = c.id), 16000));
ALTER TABLE campaign ALTER COLUMN audio_sample_rate SET NOT NULL;
ALTER TABLE campaign ADD CONSTRAINT campaign_audio_sample_rate_check
    CHECK (audio_sample_rate BETWEEN 1000 AND 48000);
-- Secret per campaign, never shown to raters: salts the ETags of served audio.
ALTER TABLE campaign ADD COLUMN audio_salt UUID NOT NULL DEFAULT gen_random_uuid();
-- Who closed the campaign and who reopened it (closing is final unless an admin reopens it).
ALTER TABLE campaign ADD COLUMN closed_by VARCHAR(64);
ALTER TABLE campaign ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE campaign ADD COLUMN reopened_by VARCHAR(64);
ALTER TABLE campaign ADD COLUMN reopened_at TIMESTAMPTZ;

-- The byte ranges of response a and b that the server sent for an assignment (merged), and the
-- size of the served file: a vote needs each side sent completely.
CREATE TABLE rating_audio_served (
    assignment_id  UUID             NOT NULL REFERENCES rating_assignment (id) ON DELETE CASCADE,
    side           CHAR(1)          NOT NULL CHECK (side IN ('a', 'b')),
    size_bytes     BIGINT           NOT NULL CHECK (size_bytes > 0),
    served         INT8MULTIRANGE   NOT NULL,
    PRIMARY KEY (assignment_id, side)
);

-- One row per rater, locked by each vote transaction: votes of one rater are counted against the
-- rate limit one at a time, whatever instance receives them.
CREATE TABLE rater_vote_gate (
    rater  VARCHAR(64)  PRIMARY KEY
);
