import { useMemo } from 'react';
import { policiesByVersion } from '../db/policy-versions';
import { useReportSources } from '../db/report-queries';
import { useNow } from '../state/clock';
import { useSession } from '../state/session';
import { attainmentByWeek } from './attainment-by-week';
import { AttainmentChart } from './AttainmentChart';
import { breachesByWeekdayHour } from './breaches-by-hour';
import { BreachesChart } from './BreachesChart';
import { creditsOwedByMonth } from './credits-by-month';
import { CreditsChart } from './CreditsChart';
import { useChartColors } from './use-chart-colors';
import './reports.css';

/** Reports move with settled tickets, not with the clock's seconds: recompute once a minute. */
const REPORT_REFRESH_MS = 60_000;
/** Weeks shown in the attainment chart (the figures table has the same ones). */
const WEEKS_SHOWN = 16;

export function ReportsView() {
  const sources = useReportSources();
  const zone = useSession((s) => s.settings.zone);
  const minute = Math.floor(useNow() / REPORT_REFRESH_MS) * REPORT_REFRESH_MS;
  const colors = useChartColors();
  const reports = useMemo(() => {
    if (sources === undefined) return null;
    const now = new Date(minute).toISOString();
    const policies = policiesByVersion(sources.policies);
    const subscriptions = new Map(sources.subscriptions.map((s) => [s.id, s]));
    return {
      weeks: attainmentByWeek(sources.tickets, policies, now, zone).slice(-WEEKS_SHOWN),
      breaches: breachesByWeekdayHour(sources.tickets, policies, now, zone),
      credits: creditsOwedByMonth(sources.credits, subscriptions),
    };
  }, [sources, minute, zone]);
  return (
    <section className="panel reports-view" aria-label="Reports" data-testid="reports-view" data-ready={reports !== null} data-zone={zone} data-tickets={sources?.tickets.length}>
      <div className="panel-heading">
        <h2>Reports</h2>
        <p className="panel-note">
          From the local cache{sources === undefined ? '' : ` (${sources.tickets.length.toLocaleString('en-US')} tickets with a guarantee)`}; weeks and hours in {zone}.
        </p>
      </div>
      {reports === null ? (
        <p className="panel-note reports-loading">Reading the cache…</p>
      ) : (
        <div className="reports-grid">
          <AttainmentChart weeks={reports.weeks} colors={colors} />
          <BreachesChart grid={reports.breaches} zone={zone} colors={colors} />
          <CreditsChart months={reports.credits} colors={colors} />
        </div>
      )}
    </section>
  );
}
