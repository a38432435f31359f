import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCents } from '../ticket/format-time';
import type { CreditMonth } from './credits-by-month';
import type { ChartColors } from './use-chart-colors';

export function CreditsChart({ months, colors }: { months: CreditMonth[]; colors: ChartColors }) {
  const data = months.map((m) => ({ month: m.month, dollars: m.cents / 100 }));
  return (
    <figure className="report" data-testid="report-credits">
      <figcaption>
        <h3>Credits owed per billing month</h3>
        <p className="muted">Credits for missed guarantees from the ledger, by the month of the billing cycle they are applied in.</p>
      </figcaption>
      {months.length === 0 ? (
        <p className="panel-note">No credit in the ledger.</p>
      ) : (
        <div className="report-chart">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid stroke={colors.grid} vertical={false} />
              <XAxis dataKey="month" stroke={colors.muted} fontSize={12} />
              <YAxis stroke={colors.muted} fontSize={12} tickFormatter={(v: number) => `$${v}`} />
              <Tooltip formatter={(value) => formatCents(Math.round(Number(value) * 100))} />
              <Bar dataKey="dollars" name="credits" fill={colors.accent} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="report-figures">
        <summary>Figures</summary>
        <table data-testid="credits-table">
          <thead>
            <tr>
              <th>Month</th>
              <th>Credits</th>
              <th>Amount</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <td>{m.month}</td>
                <td>{m.count}</td>
                <td data-testid="credit-amount">{formatCents(m.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
