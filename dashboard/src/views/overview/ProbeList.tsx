import type { ProbeStatus } from '../../api/wire-types';
import { formatTime } from '../../common/format';

export function ProbeList({ probes }: { probes: readonly ProbeStatus[] }) {
  if (probes.length === 0) return null;
  return (
    <ul className="probe-list">
      {probes.map((probe) => (
        <li key={probe.name} className={probe.up === false ? 'probe-down' : probe.up ? 'probe-up' : ''}>
          <span className="probe-name">{probe.name}</span>{' '}
          {probe.up === null ? 'not run yet' : probe.up ? 'passing' : 'FAILING'}
          {probe.lastCheckedAt !== null && ` · checked ${formatTime(probe.lastCheckedAt)}`}
          {probe.durationSeconds !== null && ` · ${probe.durationSeconds.toFixed(2)} s`}
        </li>
      ))}
    </ul>
  );
}
