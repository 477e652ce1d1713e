import { sql } from 'kysely';
import type { Executor } from '../db/connection';

/** A day number from 0 to `span - 1` drawn from a text (the same text, the same day: deterministic without the seed's stream). */
const spread = (text: ReturnType<typeof sql>, span: number) => sql`(('x' || substr(md5(${text}), 1, 6))::bit(24)::int % ${span})`;

/**
 * The dates the indicators read (issue 17), for the demo network as the 2020
 * review tells it: the wave-1 collectives labelled in July 2019 and the
 * second wave in February 2020, their projects started within ten months of
 * the label; the 25 funds labelled between mid-2019 and late 2020; the 45
 * advisors trained and the 100 hackers publics engaged during 2020; the
 * champions accompanied from the year after their Pionnier's label; the 4,000
 * SIAE joined the digital-inclusion challenge in 2020, the other structures
 * the network from September 2018.
 */
export async function dateDemoRecords(tx: Executor) {
  await sql`update projects p set started_on = coalesce(c.label_date, date '2020-03-02') + ${spread(sql`p.title || coalesce(p.commune_code, '')`, 300)}
    from projects x left join collectives c on c.id = x.collective_id where x.id = p.id`.execute(tx);
  await sql`update funds set labelled_on = date '2019-06-03' + ${spread(sql`name`, 540)}`.execute(tx);
  await sql`update people set advisor_since = date '2020-01-20' + ${spread(sql`id::text`, 300)} where is_advisor`.execute(tx);
  await sql`update people set sponsor_since = date '2020-01-06' + ${spread(sql`id::text`, 330)} where is_public_sponsor`.execute(tx);
  await sql`update pioneer_champions c set since_year = least(p.label_year + 1, 2020) from pioneers p where p.id = c.pioneer_id`.execute(tx);
  await sql`update organisations set joined_on = case when kind = 'siae' then date '2020-01-06' + ${spread(sql`id::text`, 330)}
    else date '2018-09-03' + ${spread(sql`id::text`, 800)} end`.execute(tx);
}
