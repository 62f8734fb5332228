import type { NotificationRecord } from '../../api/wire-types';
import { formatTime } from '../../common/format';

/** Who was paged, when, by which channel, and whether it arrived. */
export function PagesTable({ notifications }: { notifications: readonly NotificationRecord[] }) {
  if (notifications.length === 0) return <p className="empty">Nobody paged yet.</p>;
  return (
    <table className="compact">
      <thead>
        <tr>
          <th scope="col">Queued</th>
          <th scope="col">Who</th>
          <th scope="col">Channel</th>
          <th scope="col">Purpose</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {notifications.map((n) => (
          <tr key={n.key}>
            <td>
              <time dateTime={n.createdAt}>{formatTime(n.createdAt)}</time>
            </td>
            <td>{n.recipient}</td>
            <td>{n.channel}</td>
            <td>
              {n.purpose}
              {n.level !== null && ` L${n.level + 1}`}
            </td>
            <td className={`delivery-${n.status}`}>
              {n.status}
              {n.status !== 'queued' && ` ${formatTime(n.updatedAt)}`}
              {n.reason !== null && ` (${n.reason})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
