import { describe, expect, it } from 'vitest';
import { formatTimelineLine, summariseInterval } from './interval-summary';
import { parsePrometheusText } from './prometheus-text';

const BEFORE = `
# HELP stimawatch_vend_stage_total Stage outcomes
# TYPE stimawatch_vend_stage_total counter
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_validation",outcome="success"} 100
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_validation",outcome="rejected"} 2
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"} 90
stimawatch_vend_errors_total{channel="mpesa_c2b",stage="payment_validation",code="UNKNOWN_METER",class="customer"} 2
stimawatch_payments_without_token 0
`;
const AFTER = `
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_validation",outcome="success"} 130
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_validation",outcome="rejected"} 52
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="payment_received",outcome="success"} 30
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="success"} 92
stimawatch_vend_stage_total{channel="mpesa_c2b",stage="token_generation",outcome="failed"} 18
stimawatch_vend_errors_total{channel="mpesa_c2b",stage="payment_validation",code="UNKNOWN_METER",class="customer"} 4
stimawatch_vend_errors_total{channel="mpesa_c2b",stage="payment_validation",code="VALIDATION_REJECTED",class="system"} 48
stimawatch_vend_errors_total{channel="mpesa_c2b",stage="token_generation",code="HSM_UNAVAILABLE",class="system"} 18
stimawatch_payments_without_token 27
stimawatch_vend_stage_duration_seconds_bucket{stage="meter_lookup",le="+Inf"} 5
`;

describe('interval summary', () => {
  it('parses the exposition format, labels and all', () => {
    const samples = parsePrometheusText(
      'a_total{x="1",y="q\\"uote"} 3\n# c\nb 4.5 1700000000000\nbad line here\n',
    );
    expect(samples).toEqual([
      { name: 'a_total', labels: { x: '1', y: 'q"uote' }, value: 3 },
      { name: 'b', labels: {}, value: 4.5 },
    ]);
  });

  it('computes the system failure ratio, top codes, tokens and payments without a token for the interval', () => {
    const figures = summariseInterval(parsePrometheusText(BEFORE), parsePrometheusText(AFTER));
    expect(figures.stageEvents).toBe(130);
    expect(figures.systemFailureRatio).toBeCloseTo(66 / 130, 6);
    expect(figures.tokensIssued).toBe(2);
    expect(figures.paymentsReceived).toBe(30);
    expect(figures.paymentsWithoutToken).toBe(27);
    expect(figures.topErrorCodes.map((e) => e.code)).toEqual([
      'VALIDATION_REJECTED',
      'HSM_UNAVAILABLE',
      'UNKNOWN_METER',
    ]);
    const line = formatTimelineLine(250_000, 'tokens_stopped', figures);
    expect(line).toContain('[04:10] tokens_stopped');
    expect(line).toContain('system failure  50.8%');
    expect(line).toContain('paid without token 27');
  });

  it('treats a counter that went down as a restart', () => {
    const figures = summariseInterval(parsePrometheusText(AFTER), parsePrometheusText(BEFORE));
    expect(figures.tokensIssued).toBe(90);
  });
});
