import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where webhooks may be delivered: http(s) only, and never to this machine or its link-local
 * neighbours (cloud metadata at 169.254.169.254, a database on localhost), unless the installation
 * allows it (BRANCHBOARD_WEBHOOKS_ALLOW_LOCAL=1; the tests do). The address is checked when the
 * connection is made, not only when the URL is saved, so a name that later resolves to 127.0.0.1
 * is refused too.
 */
const forbidden = new BlockList();
forbidden.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
forbidden.addSubnet('0.0.0.0', 8, 'ipv4'); // "this host"
forbidden.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local (cloud metadata)
forbidden.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
forbidden.addAddress('255.255.255.255', 'ipv4');
forbidden.addAddress('::1', 'ipv6');
forbidden.addAddress('::', 'ipv6');
forbidden.addSubnet('fe80::', 10, 'ipv6'); // link-local
forbidden.addSubnet('ff00::', 8, 'ipv6'); // multicast

export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address it maps.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return forbidden.check(mapped[1]!, 'ipv4');
  return forbidden.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Whether a URL may be registered as a webhook target. */
export function checkWebhookUrl(raw: string, allowLocal: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'only http and https URLs' };
  if (url.username || url.password) return { ok: false, message: 'no user or password in the URL: the signature authenticates us' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowLocal && (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isForbiddenAddress(host)))) {
    return { ok: false, message: 'loopback and link-local addresses are not allowed' };
  }
  return { ok: true, url };
}

/** A DNS lookup for outgoing deliveries that refuses forbidden addresses. */
export function guardedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const allowed = allowLocal ? addresses : addresses.filter((a) => !isForbiddenAddress(a.address));
      if (!allowed.length) {
        const e = Object.assign(new Error(`${hostname} resolves to a loopback or link-local address`), { code: 'EFORBIDDENADDR' });
        return callback(e, '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
