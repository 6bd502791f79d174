-- The side-count rows of a campaign are now made together with its pairs, for every system a pair
-- brings (gold pairs included), so that a hand-out locks both of its systems' rows with one ordered
-- SELECT ... FOR UPDATE. Making them on first use meant locking the existing row before inserting the
-- missing one, out of system order: hand-outs deadlocked. This makes the rows campaigns lack.
INSERT INTO campaign_side_count (campaign_id, system_id)
SELECT DISTINCT p.campaign_id, r.system_id
  FROM campaign_pair p
  JOIN response r ON r.id IN (p.response_x_id, p.response_y_id)
ON CONFLICT DO NOTHING;
