-- How often each system of a campaign has been heard as A and as B (assignments not skipped). Kept
-- with every assignment handed out or skipped, so that the side of a new assignment is decided under
-- the two systems' row locks rather than a campaign-wide lock. Rows are made on first use (gold
-- pairs may bring systems that are not among the campaign's compared systems).
CREATE TABLE campaign_side_count (
    campaign_id  UUID    NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    system_id    BIGINT  NOT NULL REFERENCES system_under_test (id),
    heard_as_a   INT     NOT NULL DEFAULT 0,
    heard_as_b   INT     NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, system_id)
);

INSERT INTO campaign_side_count (campaign_id, system_id, heard_as_a, heard_as_b)
SELECT campaign_id, system_id, sum(as_a), sum(as_b) FROM (
    SELECT a.campaign_id, r.system_id, 1 AS as_a, 0 AS as_b
      FROM rating_assignment a JOIN response r ON r.id = a.response_a_id WHERE a.status <> 'skipped'
    UNION ALL
    SELECT a.campaign_id, r.system_id, 0, 1
      FROM rating_assignment a JOIN response r ON r.id = a.response_b_id WHERE a.status <> 'skipped'
) heard GROUP BY campaign_id, system_id;

-- The claim of a pair counts its assignments: voted ones and open ones within the lease.
CREATE INDEX rating_assignment_pair_status ON rating_assignment (pair_id, status, issued_at);
