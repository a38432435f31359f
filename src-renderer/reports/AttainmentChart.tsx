import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { REPORT_PLANS, type AttainmentWeek } from './attainment-by-week';
import type { ChartColors } from './use-chart-colors';

const percentText = (value: number | null) => (value === null ? '—' : `${value}%`);

export function AttainmentChart({ weeks, colors }: { weeks: AttainmentWeek[]; colors: ChartColors }) {
  const data = weeks.map((w) => ({ week: w.week, silver: w.plans.silver.percent, gold: w.plans.gold.percent, platinum: w.plans.platinum.percent }));
  return (
    <figure className="report report-wide" data-testid="report-attainment">
      <figcaption>
        <h3>First-response attainment by plan, per week</h3>
        <p className="muted">Share of tickets answered within the guarantee, by week of creation; tickets still inside their guarantee are not counted yet.</p>
      </figcaption>
      {weeks.length === 0 ? (
        <p className="panel-note">No settled ticket in the cache yet.</p>
      ) : (
        <div className="report-chart">
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={colors.grid} vertical={false} />
              <XAxis dataKey="week" stroke={colors.muted} fontSize={12} />
              <YAxis domain={[0, 100]} unit="%" stroke={colors.muted} fontSize={12} />
              <Tooltip formatter={(value) => `${String(value)}%`} />
              <Legend />
              {REPORT_PLANS.map((plan) => (
                <Bar key={plan} dataKey={plan} name={plan} fill={colors[plan]} isAnimationActive={false} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="report-figures">
        <summary>Figures</summary>
        <table data-testid="attainment-table">
          <thead>
            <tr>
              <th>Week of</th>
              {REPORT_PLANS.map((p) => (
                <th key={p}>{p}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week} data-week={w.week}>
                <td>{w.week}</td>
                {REPORT_PLANS.map((p) => (
                  <td key={p} data-plan={p}>
                    {percentText(w.plans[p].percent)} ({w.plans[p].met}/{w.plans[p].met + w.plans[p].breached})
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
