import { describe, expect, it } from 'vitest';
import { gatewayKey, splitGatewayKey } from './gateway-key';

describe('gateway keys', () => {
  it.each([
    ['eu-1', '{job="a", instance="b"}'],
    ['a.b_c-9', '{job="x\\" @gateway=\\"y\\" "}'],
    ['eu-1', 'unreadable-group-3'],
    ['eu-1', '{job="a"}#4'],
  ])('%s and %s split back into the two', (gateway, key) => {
    const merged = gatewayKey(gateway, key);
    expect(merged.startsWith(`@gateway="${gateway}" `)).toBe(true);
    expect(splitGatewayKey(merged)).toEqual({ gateway, key });
  });

  it('leaves a single gateway’s keys alone', () => {
    expect(splitGatewayKey('{job="a"}')).toBeNull();
    expect(splitGatewayKey('unreadable-group-0')).toBeNull();
    expect(splitGatewayKey('@gateway="eu 1" {job="a"}')).toBeNull();
  });

  it('keeps the same grouping key on two gateways apart', () => {
    expect(gatewayKey('eu-1', '{job="a"}')).not.toBe(gatewayKey('eu-2', '{job="a"}'));
  });
});
