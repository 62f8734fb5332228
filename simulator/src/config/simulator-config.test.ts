import { describe, expect, it } from 'vitest';
import { parseSimulatorConfig } from './simulator-config';

const REQUIRED = { SIMULATOR_INGEST_TOKEN: 'x'.repeat(24), MPESA_CALLBACK_SECRET: 'y'.repeat(24) };

describe('parseSimulatorConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseSimulatorConfig(REQUIRED);
    expect(config).toMatchObject({
      collectorUrl: 'http://127.0.0.1:8081',
      scale: 0.1,
      timeScale: 1,
      controlPort: 8090,
      fakeXPort: undefined,
      initialScenario: 'normal',
      logLevel: 'info',
    });
    expect(config.seed).not.toBe(parseSimulatorConfig(REQUIRED).seed);
  });

  it('reads overrides', () => {
    const config = parseSimulatorConfig({
      ...REQUIRED,
      SIM_SCALE: '1',
      SIM_TIME_SCALE: '60',
      FAKE_X_PORT: '8089',
    });
    expect(config).toMatchObject({ scale: 1, timeScale: 60, fakeXPort: 8089 });
  });

  it('names the variable that is wrong', () => {
    expect(() => parseSimulatorConfig({ MPESA_CALLBACK_SECRET: 'y'.repeat(24) })).toThrow(
      /SIMULATOR_INGEST_TOKEN/,
    );
    expect(() => parseSimulatorConfig({ ...REQUIRED, SIM_SCALE: '-1' })).toThrow(/SIM_SCALE/);
    expect(() => parseSimulatorConfig({ ...REQUIRED, COLLECTOR_URL: 'ftp://x' })).toThrow(/COLLECTOR_URL/);
  });
});
