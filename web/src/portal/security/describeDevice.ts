/** A short Vietnamese description of a browser's User-Agent ("Chrome trên Windows"); the raw text otherwise. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Không rõ thiết bị';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /(Chrome|Chromium)\//.test(userAgent)
      ? 'Chrome'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} trên ${system}`;
  return browser ?? system ?? userAgent.slice(0, 80);
}
