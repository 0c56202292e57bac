import dns from 'node:dns';
import net from 'node:net';
import type { RobotNetwork } from '../../config.ts';

/**
 * Where the server may post robot messages. The server posts task titles of every cooperation, so a robot
 * address must not turn it into a client of the machine itself, the cloud metadata service or the intranet
 * behind it: by default only https to a public address is accepted. Intranet deployments (政务外网 robots)
 * name the networks they trust; addresses there may also be plain http.
 */

/** Ranges that are not the public internet: loopback, private, link-local, CGNAT, multicast, documentation, reserved. */
const NOT_PUBLIC: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  // Unspecified, loopback and the old IPv4-compatible form (::127.0.0.1).
  ['::', 96, 'ipv6'],
  // NAT64 and 6to4 carry an IPv4 address inside: they would reach whatever that address is.
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 23, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const notPublic = new net.BlockList();
for (const [network, prefix, family] of NOT_PUBLIC) notPublic.addSubnet(network, prefix, family);

export type RobotAddressProblem = 'credentials' | 'not_https' | 'private_address' | 'unresolvable';

export class RobotAddressRefused extends Error {
  constructor(
    readonly problem: RobotAddressProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RobotAddressRefused';
  }
}

interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dns.lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

const familyName = (family: 4 | 6) => (family === 6 ? 'ipv6' : 'ipv4');

export interface RobotAddressPolicy {
  /**
   * Refuses what may never be a robot address, resolves the name and judges every address it resolves to;
   * answers the addresses to connect to. `unresolvedIsFine`: when saving, a name that does not resolve
   * right now is accepted (it is judged again when a message is sent).
   */
  check(url: URL, options?: { unresolvedIsFine?: boolean }): Promise<ResolvedAddress[]>;
}

export function robotAddressPolicy(allowedNetworks: readonly RobotNetwork[], resolver: Resolver = systemResolver): RobotAddressPolicy {
  const allowed = new net.BlockList();
  for (const n of allowedNetworks) allowed.addSubnet(n.network, n.prefix, n.family);
  const isAllowedNetwork = (a: ResolvedAddress) => allowed.check(a.address, familyName(a.family));
  const isPublic = (a: ResolvedAddress) => !notPublic.check(a.address, familyName(a.family));

  return {
    async check(url, { unresolvedIsFine = false } = {}) {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RobotAddressRefused('not_https', 'A robot address is an https URL');
      if (url.username || url.password) {
        throw new RobotAddressRefused('credentials', 'A robot address must not carry a user name or password; robots take their key in the query');
      }
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      const literal = net.isIP(host);
      let addresses: ResolvedAddress[];
      if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
      else {
        try {
          addresses = await resolver(host);
        } catch {
          addresses = [];
        }
        if (addresses.length === 0 && unresolvedIsFine) {
          // Plain http is allowed only inside the allowed networks, which an unresolved name cannot be shown to be in.
          if (url.protocol === 'https:') return [];
          throw new RobotAddressRefused('not_https', 'A robot address must be https, unless it lies in LIANDONG_ROBOT_ALLOWED_NETWORKS');
        }
        if (addresses.length === 0) throw new RobotAddressRefused('unresolvable', `The robot's host name ${host} does not resolve`);
      }
      // One address outside the rules refuses the name: a resolver may answer differently for each connection.
      const refused = addresses.find((a) => !isAllowedNetwork(a) && !isPublic(a));
      if (refused) {
        throw new RobotAddressRefused(
          'private_address',
          `The robot address leads to ${refused.address}, which is not a public address nor in LIANDONG_ROBOT_ALLOWED_NETWORKS`,
        );
      }
      if (url.protocol === 'http:' && !addresses.every(isAllowedNetwork)) {
        throw new RobotAddressRefused('not_https', 'A robot address must be https, unless it lies in LIANDONG_ROBOT_ALLOWED_NETWORKS');
      }
      return addresses;
    },
  };
}
