import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { breachCells, breachesPerWeekday, WEEKDAY_NAMES, type BreachGrid } from './breaches-by-hour';
import type { ChartColors } from './use-chart-colors';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function BreachesChart({ grid, zone, colors }: { grid: BreachGrid; zone: string; colors: ChartColors }) {
  const cells = breachCells(grid);
  const perDay = breachesPerWeekday(grid);
  return (
    <figure className="report" data-testid="report-breaches" data-total={grid.total}>
      <figcaption>
        <h3>Breaches by weekday and hour</h3>
        <p className="muted">
          When guarantees were missed ({zone}): each dot is a weekday and hour, larger for more breaches. {grid.total} in all.
        </p>
      </figcaption>
      {cells.length === 0 ? (
        <p className="panel-note">No breach in the cache.</p>
      ) : (
        <div className="report-chart">
          <ResponsiveContainer width="100%" height={280}>
            <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid stroke={colors.grid} />
              <XAxis type="number" dataKey="hour" name="hour" domain={[-0.5, 23.5]} ticks={HOURS.filter((h) => h % 3 === 0)} stroke={colors.muted} fontSize={12} />
              <YAxis
                type="number"
                dataKey="weekday"
                name="weekday"
                domain={[-0.5, 6.5]}
                ticks={[0, 1, 2, 3, 4, 5, 6]}
                reversed
                tickFormatter={(d: number) => WEEKDAY_NAMES[d] ?? ''}
                stroke={colors.muted}
                fontSize={12}
                width={40}
              />
              <ZAxis type="number" dataKey="count" name="breaches" range={[40, 480]} />
              <Tooltip formatter={(value, name) => (name === 'weekday' ? WEEKDAY_NAMES[Number(value)] : String(value))} />
              <Scatter data={cells} fill={colors.breached} isAnimationActive={false} />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="report-figures">
        <summary>Figures</summary>
        <table data-testid="breaches-table">
          <thead>
            <tr>
              <th>Weekday</th>
              <th>Breaches</th>
              <th>By hour</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAY_NAMES.map((name, d) => (
              <tr key={name} data-weekday={name}>
                <td>{name}</td>
                <td data-testid="weekday-total">{perDay[d]}</td>
                <td>
                  {grid.counts[d]!
                    .map((n, h) => (n > 0 ? `${String(h).padStart(2, '0')}h: ${n}` : null))
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
