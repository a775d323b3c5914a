-- The active employees a campaign audience selects, counted by region and time zone (the wizard's live
-- recipient count and its time-zone preview). The same rule as the launch snapshot (campaign's
-- snapshot-audience.sql): every non-empty filter matches, or named in :include; never those in :exclude.
-- Only regions in the reader's scope: :unrestricted, or region = any(:scopeRegions).
select e.region, e.time_zone, count(*) as employees
  from employee e
 where e.active
   and (   (    (cardinality(:regions::text[]) = 0 or e.region = any(:regions::text[]))
            and (cardinality(:departments::text[]) = 0 or e.department = any(:departments::text[]))
            and (cardinality(:countries::text[]) = 0 or e.country = any(:countries::text[])))
        or e.email_key = any(:include::text[]))
   and not (e.email_key = any(:exclude::text[]))
   and (:unrestricted or e.region = any(:scopeRegions::text[]))
 group by e.region, e.time_zone
 order by e.region, e.time_zone
