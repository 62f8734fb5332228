import { formatCount, formatPercent } from '../../common/format';
import { Sparkline } from '../../common/Sparkline';
import type { LiveState } from '../../live/use-live-snapshot';
import { changeAgainst, failureTone, stuckPaymentsTone, tokensTone } from './overview-tones';
import { ProbeList } from './ProbeList';
import { Tile } from './Tile';
import { TopErrorCodes } from './TopErrorCodes';

const STALE_AFTER_MS = 5000;

/** The tiles fed by the collector's live stream: tokens, failures, stuck payments, error codes, probes. */
export function VendTiles({ live, now }: { live: LiveState; now: number }) {
  const { snapshot } = live;
  const stale = !live.connected || live.receivedAt === null || now - live.receivedAt > STALE_AFTER_MS;
  if (snapshot === null) {
    return (
      <p className="loading" role="status">
        {live.connected ? 'Waiting for live figures…' : 'Connecting to the live stream…'}
      </p>
    );
  }
  const tokens = snapshot.series.tokens;
  const hours = Math.round((tokens.length * snapshot.series.stepSeconds) / 3600);
  const soFar = tokens.at(-1) ?? 0;
  const change = changeAgainst(snapshot.tokensLastMinute, snapshot.tokensSameMinuteLastWeek);
  return (
    <>
      <Tile
        title="Tokens issued per minute"
        value={formatCount(snapshot.tokensLastMinute)}
        tone={tokensTone(snapshot.tokensLastMinute, snapshot.tokensSameMinuteLastWeek)}
        stale={stale}
        detail={
          <>
            Same minute last week: {formatCount(snapshot.tokensSameMinuteLastWeek)}
            {change !== null && ` (${change})`} · this minute so far: {formatCount(soFar)}
          </>
        }
      >
        <Sparkline values={tokens.slice(0, -1)} label={`Tokens per minute, last ${hours} hours`} />
      </Tile>
      <Tile
        title="System failure ratio (5 min)"
        value={formatPercent(snapshot.systemFailureRatio5m)}
        tone={failureTone(snapshot.systemFailureRatio5m)}
        stale={stale}
        detail={`${formatCount(snapshot.failures5m)} system failures of ${formatCount(snapshot.counted5m)} counted (customer errors excluded)`}
      >
        <Sparkline
          values={snapshot.series.failures}
          label={`System failures per minute, last ${hours} hours`}
        />
      </Tile>
      <Tile
        title="Payments without a token"
        value={formatCount(snapshot.paymentsWithoutToken)}
        tone={stuckPaymentsTone(snapshot.paymentsWithoutToken)}
        stale={stale}
        detail="Paid, no token after the configured wait"
      />
      <Tile
        title="Top error codes (15 min)"
        value={formatCount(snapshot.topErrorCodes15m.reduce((sum, code) => sum + code.count, 0))}
        stale={stale}
        detail="Normalised codes, with raw examples"
      >
        <TopErrorCodes codes={snapshot.topErrorCodes15m} />
      </Tile>
      <Tile
        title="Probe status"
        value={probeSummary(snapshot)}
        tone={
          snapshot.probes.some((probe) => probe.up === false)
            ? 'alert'
            : snapshot.probes.length > 0
              ? 'ok'
              : 'neutral'
        }
        stale={stale}
      >
        <ProbeList probes={snapshot.probes} />
      </Tile>
    </>
  );
}

function probeSummary(snapshot: NonNullable<LiveState['snapshot']>): string {
  if (snapshot.probes.length === 0) return 'none configured';
  const down = snapshot.probes.filter((probe) => probe.up === false).length;
  return down === 0 ? 'all passing' : `${down} failing`;
}
