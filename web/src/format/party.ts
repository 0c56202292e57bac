/** Whether a party's region says something its name does not: 青岛市 of 青岛市 does not, 日方 of 日本 does. */
export function regionAddsToName(name: string, regionName: string): boolean {
  return regionName !== '' && regionName !== name && !name.includes(regionName);
}
