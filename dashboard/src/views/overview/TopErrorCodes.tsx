import type { TopErrorCode } from '../../api/wire-types';

export function TopErrorCodes({ codes }: { codes: readonly TopErrorCode[] }) {
  if (codes.length === 0) return <p className="empty">No errors in the last 15 minutes.</p>;
  return (
    <table className="compact">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Count</th>
          <th scope="col">Raw examples</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((code) => (
          <tr key={code.code}>
            <th scope="row">
              {code.code}
              <span className={`badge class-${code.class}`}>{code.class}</span>
            </th>
            <td>{code.count}</td>
            <td className="raw-codes">{code.rawExamples.join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
