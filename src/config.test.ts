import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('LIANDONG_ROBOT_ALLOWED_NETWORKS', () => {
  it('reads a comma-separated list of IPv4 and IPv6 networks; a bare address is a network of one', () => {
    const config = loadConfig({ LIANDONG_ROBOT_ALLOWED_NETWORKS: '10.8.0.0/16, fd00:8::/32,192.168.3.7' });
    expect(config.notifications.robotAllowedNetworks).toEqual([
      { network: '10.8.0.0', prefix: 16, family: 'ipv4' },
      { network: 'fd00:8::', prefix: 32, family: 'ipv6' },
      { network: '192.168.3.7', prefix: 32, family: 'ipv4' },
    ]);
    expect(loadConfig({}).notifications.robotAllowedNetworks).toEqual([]);
  });

  it('refuses to start on an entry that is not a network, rather than trusting more than was meant', () => {
    for (const entry of ['10.0.0.0/33', 'intranet', '10.0.0.0/8/1', '10.0.0.0/', 'fd00::/129', '10.0.0.0/-1']) {
      expect(() => loadConfig({ LIANDONG_ROBOT_ALLOWED_NETWORKS: entry }), entry).toThrow(/LIANDONG_ROBOT_ALLOWED_NETWORKS/);
    }
  });
});
