-- Researcher's opt-in settings of a campaign.
-- Integrated loudness (LUFS, BS.1770) that both sides of every item are normalised to; NULL: levels left as they are.
ALTER TABLE campaign ADD COLUMN loudness_target_lufs DOUBLE PRECISION
    CHECK (loudness_target_lufs BETWEEN -60 AND -5);
-- Whether a rater is told which systems they heard once they voted on an item (as public arenas do).
ALTER TABLE campaign ADD COLUMN reveal_systems_after_vote BOOLEAN NOT NULL DEFAULT false;
