-- Votes per campaign pair, kept by a trigger on rating_assignment, so the assignment planner reads
-- one row per pair instead of counting every assignment of the campaign on each hand-out. A table
-- of its own rather than a column of campaign_pair: hand-outs claim campaign_pair rows with
-- FOR UPDATE SKIP LOCKED, and a vote must not make its pair look claimed.
CREATE TABLE campaign_pair_votes (
    pair_id  BIGINT  PRIMARY KEY REFERENCES campaign_pair (id) ON DELETE CASCADE,
    votes    INT     NOT NULL DEFAULT 0
);

INSERT INTO campaign_pair_votes (pair_id, votes)
SELECT pair_id, count(*) FROM rating_assignment WHERE status = 'voted' GROUP BY pair_id;

-- Every way an assignment enters or leaves the voted state: inserted voted, status changed,
-- deleted (a cascade from its pair removes the counter row first; then there is nothing to adjust).
CREATE FUNCTION count_pair_votes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was_voted BOOLEAN := TG_OP <> 'INSERT' AND OLD.status = 'voted';
    is_voted  BOOLEAN := TG_OP <> 'DELETE' AND NEW.status = 'voted';
BEGIN
    IF is_voted AND NOT was_voted THEN
        INSERT INTO campaign_pair_votes AS c (pair_id, votes) VALUES (NEW.pair_id, 1)
            ON CONFLICT (pair_id) DO UPDATE SET votes = c.votes + 1;
    ELSIF was_voted AND NOT is_voted THEN
        UPDATE campaign_pair_votes SET votes = votes - 1 WHERE pair_id = OLD.pair_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER rating_assignment_pair_votes
    AFTER INSERT OR DELETE OR UPDATE OF status ON rating_assignment
    FOR EACH ROW EXECUTE FUNCTION count_pair_votes();

-- Assignments handed out and not yet voted or skipped: few at any time, however many votes the
-- campaign has; the planner counts those within the lease per pair.
CREATE INDEX rating_assignment_open ON rating_assignment (campaign_id, issued_at) WHERE status = 'open';
