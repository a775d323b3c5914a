-- Seeds one launched campaign of :recipients recipients of the LinkedIn playbook (5 steps) directly in
-- PostgreSQL, for bench/dashboard.sh. Run with psql -v recipients=1000000. Reproducible (setseed).
--
-- The directory: 5 regions, 13 countries, 17 time zones, 20 departments. The campaign: deadlines per region,
-- launched 10 days ago. Realistic outcomes, per recipient: 2 % of invitations failed; of the delivered, 85 %
-- had their link opened (mail scanners included) and 70 % by a person; of those, 10 % answered 1-4 steps and
-- 75 % every step (8 % of them with the whole-playbook "not applicable"; 10 % with step 2 not applicable).
-- Every recipient row and answer goes through the counter triggers like a real launch and real answers.

\set ON_ERROR_STOP on
select setseed(0.42);

create temporary table place (n int, region text, country text, zone text);
insert into place values
    (0, 'EMEA', 'DE', 'Europe/Berlin'), (1, 'EMEA', 'GB', 'Europe/London'), (2, 'EMEA', 'FR', 'Europe/Paris'),
    (3, 'EMEA', 'PL', 'Europe/Warsaw'), (4, 'AMER', 'US', 'America/New_York'),
    (5, 'AMER', 'US', 'America/Chicago'), (6, 'AMER', 'US', 'America/Los_Angeles'),
    (7, 'AMER', 'CA', 'America/Toronto'), (8, 'APAC', 'JP', 'Asia/Tokyo'), (9, 'APAC', 'IN', 'Asia/Kolkata'),
    (10, 'APAC', 'AU', 'Australia/Sydney'), (11, 'APAC', 'SG', 'Asia/Singapore'),
    (12, 'LATAM', 'BR', 'America/Sao_Paulo'), (13, 'LATAM', 'MX', 'America/Mexico_City'),
    (14, 'MEA', 'AE', 'Asia/Dubai'), (15, 'MEA', 'ZA', 'Africa/Johannesburg'), (16, 'EMEA', 'DE', 'Europe/Berlin');

insert into employee (email, email_key, name, region, department, country, locale, time_zone, active, created_at,
                      updated_at)
select 'dash' || i || '@bench.example.com', 'dash' || i || '@bench.example.com', 'Dash Bench ' || i,
       p.region, 'Department ' || (i % 20), p.country, 'en', p.zone, true, now(), now()
  from generate_series(1, :recipients) i
  join place p on p.n = i % 17;

insert into campaign (name, playbook_key, playbook_version_id, status, audience, deadlines, created_at,
                      created_by, updated_at, launched_at, all_sent_at)
select 'Dashboard bench ' || now(), 'linkedin-genai-optout',
       (select id from playbook_version where playbook_key = 'linkedin-genai-optout' order by version desc limit 1),
       'ACTIVE', '{"departments": [], "regions": [], "countries": [], "includeEmails": [], "excludeEmails": []}',
       jsonb_build_object('EMEA', current_date - 2, 'AMER', current_date + 5, 'APAC', current_date + 1, '*',
                          current_date + 14),
       now() - interval '10 days', 'bench', now(), now() - interval '10 days', now() - interval '9 days'
returning id as campaign \gset

-- One row per employee with the outcome drawn for them.
create temporary table outcome as
select e.*, random() as d, random() as v, random() as a, random() as s, random() as t
  from employee e where e.email like 'dash%@bench.example.com';

insert into recipient (campaign_id, employee_id, email, name, region, department, country, locale, time_zone,
                       link_nonce, planned_at, deadline_at, delivery_status, sent_at, failed_at, first_visit_at,
                       first_human_visit_at, completed_at, created_at)
select :campaign, o.id, o.email, o.name, o.region, o.department, o.country, o.locale, o.time_zone,
       '\x00'::bytea, now() - interval '10 days',
       ((coalesce((select deadlines from campaign where id = :campaign) ->> o.region,
                  (select deadlines from campaign where id = :campaign) ->> '*')::date + 1)::timestamp
           at time zone o.time_zone),
       case when o.d < 0.02 then 'FAILED' else 'SENT' end,
       case when o.d >= 0.02 then now() - interval '10 days' + o.t * interval '1 day' end,
       case when o.d < 0.02 then now() - interval '10 days' + o.t * interval '1 day' end,
       case when o.d >= 0.02 and o.v < 0.85 then now() - interval '9 days' + o.t * interval '1 day' end,
       case when o.d >= 0.02 and o.v < 0.70 then now() - interval '9 days' + o.t * interval '1 day' end,
       case when o.d >= 0.02 and o.v < 0.70 and o.a < 0.75
            then now() - interval '9 days' + o.t * interval '8 days' end,
       now() - interval '10 days'
  from outcome o;

-- Answers: every step for the completed, 1-4 steps for the 10 % who stopped half-way.
insert into step_answer (recipient_id, step_key, campaign_id, status, answered_via, first_answered_at, changed_at)
select r.id, k.step_key, :campaign,
       case when o.s < 0.08 and r.completed_at is not null then 'not_applicable'
            when k.n = 2 and o.s < 0.18 then 'not_applicable'
            else 'done' end,
       case when o.s < 0.08 and r.completed_at is not null then 'playbook' else 'step' end,
       coalesce(r.completed_at, r.first_human_visit_at) - (5 - k.n) * interval '1 minute',
       coalesce(r.completed_at, r.first_human_visit_at) - (5 - k.n) * interval '1 minute'
  from recipient r
  join outcome o on o.id = r.employee_id
  cross join (values (1, 'genai-toggle'), (2, 'objection-form'), (3, 'review-content'), (4, 'ad-preferences'),
                     (5, 'mindful-posting')) k(n, step_key)
 where r.campaign_id = :campaign
   and (r.completed_at is not null
        or (r.first_human_visit_at is not null and o.a < 0.85 and k.n <= 1 + floor(o.s * 4)));

analyze employee;
analyze recipient;
analyze step_answer;
select :campaign as campaign;
