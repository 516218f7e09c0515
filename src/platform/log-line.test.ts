import { describe, expect, it } from 'vitest';
import { logLine } from './log-line.ts';

const sink = (isTTY: boolean) => {
  const lines: string[] = [];
  return { lines, stream: { isTTY, write: (text: string) => lines.push(text) } };
};

describe('lines written outside requests', () => {
  it('are JSON objects in the request logs format when the output is not a terminal', () => {
    const { lines, stream } = sink(false);
    logLine('warn', 'PostgreSQL: một kết nối rỗi bị đóng; sẽ mở kết nối mới.', { err: 'terminated' }, stream);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(lines[0] ?? '');
    expect(parsed).toMatchObject({
      level: 40,
      pid: process.pid,
      err: 'terminated',
      msg: 'PostgreSQL: một kết nối rỗi bị đóng; sẽ mở kết nối mới.',
    });
    expect(typeof parsed.time).toBe('number');
  });

  it('are plain text on a terminal', () => {
    const { lines, stream } = sink(true);
    logLine('info', 'Motcua đã sẵn sàng', {}, stream);
    expect(lines).toEqual(['Motcua đã sẵn sàng\n']);
  });
});
