-- Votes that no person made (a data set's votes marked "simulated", such as the demo's) get a source
-- kind of their own, so that 'human' means people only: human leaderboards, rater agreement, judge
-- audits, exports and reward-model training read simulated votes only when asked for them.
-- Their source is 'simulated:<rater>' instead of 'rater:<rater>'; ids stay, so a re-import still
-- stores nothing twice. 'simulated' is longer than the column's 8 characters: widen it first.
ALTER TABLE preference DROP CONSTRAINT preference_source_kind_check;
ALTER TABLE preference ALTER COLUMN source_kind TYPE VARCHAR(16);
ALTER TABLE preference ADD CONSTRAINT preference_source_kind_check
    CHECK (source_kind IN ('human', 'simulated', 'judge'));

-- Until now imported simulated votes were stored as human, marked only in their details.
UPDATE preference
   SET source_kind = 'simulated',
       source = 'simulated:' || regexp_replace(source, '^rater:', '')
 WHERE source_kind = 'human' AND details ->> 'simulated' = 'true';
