import { isIPv6 } from "node:net";

/**
 * The key rate limits count a client by: an IPv4 address as it is, an IPv6 address by its /64
 * network. One IPv6 connection usually holds a whole /64, so counting single addresses would
 * give an attacker billions of fresh keys. IPv4 addresses written as IPv6 ("::ffff:1.2.3.4")
 * count as the IPv4 address.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return "unknown";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
