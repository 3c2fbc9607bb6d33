-- refcount_view.holders becomes a list of {"holder", "count"} in first-acquisition order (HolderList):
-- a jsonb object sorts its keys, so the live view listed holders in another order than replies and
-- time-travel views. Rows written before keep their holders, in jsonb's order (there is no other left).
update refcount_view
set holders = (select coalesce(jsonb_agg(jsonb_build_object('holder', e.key, 'count', e.value)), '[]'::jsonb)
               from jsonb_each(holders) as e)
where jsonb_typeof(holders) = 'object';
