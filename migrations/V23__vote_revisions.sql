-- A rater may change their vote on an item while the campaign is open: the new vote is a new row,
-- the earlier one stays as history, marked superseded (when, and by which vote). Only a vote not
-- superseded counts; at most one per assignment.
ALTER TABLE rating_vote DROP CONSTRAINT rating_vote_assignment_id_key;
ALTER TABLE rating_vote ADD COLUMN superseded_at TIMESTAMPTZ;
ALTER TABLE rating_vote ADD COLUMN superseded_by UUID REFERENCES rating_vote (id);
CREATE UNIQUE INDEX rating_vote_current ON rating_vote (assignment_id) WHERE superseded_at IS NULL;
