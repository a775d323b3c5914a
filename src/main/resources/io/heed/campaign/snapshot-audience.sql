-- Snapshots a campaign's audience into recipients (LaunchCampaign): one row per employee asked, as the
-- directory describes them now, never two (a second snapshot of the same employee does nothing).
--
-- Who: active employees matching every non-empty filter (:regions, :departments, :countries) or named in
-- :include, never those in :exclude; with a non-empty :only (late joiners' e-mail keys), only those.
-- Planned time: :start, moved to the employee's next :localSendTime in their own zone when one is set, plus
-- their share of :spreadSeconds (the audience in employee id order, spread evenly; null: all at once).
-- Deadline: the end of their region's day in :deadlines (else the :wildcardRegion one) in their own zone, as
-- RecipientMail.deadlineOf computes it for previews.
-- Link nonce: :nonceBytes random bytes (security.LinkTokens.NONCE_BYTES).
-- The audience rule itself is LaunchCampaign.AUDIENCE, put in at the marker below (late joiners are counted by it too).
-- Every row of one snapshot carries :batch as its creation time, which is how its invitations are queued.
insert into recipient (campaign_id, employee_id, email, name, region, department, country,
                       manager_email, locale, time_zone, link_nonce, planned_at, deadline_at,
                       added_late, created_at)
select :campaign, e.id, e.email, e.name, e.region, e.department, e.country, e.manager_email, e.locale,
       e.time_zone,
       heed_random_bytes(:nonceBytes),
       (case when :localSendTime::time is null then :start::timestamptz
             else heed_next_local_time(:start::timestamptz, :localSendTime::time, e.time_zone) end)
         + make_interval(secs => coalesce(:spreadSeconds::bigint, 0) * (e.position - 1)::float8 / e.audience_size),
       ((coalesce(:deadlines::jsonb ->> e.region, :deadlines::jsonb ->> :wildcardRegion::text)::date + 1)::timestamp
           at time zone e.time_zone),
       :late, :batch
  from (select e.*, row_number() over (order by e.id) as position, count(*) over () as audience_size
          from employee e
         where /*audience*/
           and (cardinality(:only::text[]) = 0 or e.email_key = any(:only::text[]))) e
on conflict (campaign_id, employee_id) do nothing
