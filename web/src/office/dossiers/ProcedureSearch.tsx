import { Select, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage, isAbort, withQuery } from '../../api';
import type { Page, ProcedureSummary } from '../../types';

const debounceMs = 250;

/**
 * Procedure picker for the counter: searches GET /api/procedures?q= as the officer types (debounced) and shows
 * each procedure's name with its code. A form control whose value is the procedure code.
 */
export function ProcedureSearch({
  id,
  value,
  onChange,
  autoFocus,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  autoFocus?: boolean;
}) {
  const [options, setOptions] = useState<ProcedureSummary[]>([]);
  const [selected, setSelected] = useState<ProcedureSummary>();
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string>();
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<AbortController | undefined>(undefined);

  const search = useCallback((text: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => {
        pending.current?.abort();
        const controller = new AbortController();
        pending.current = controller;
        setLoading(true);
        api
          .get<Page<ProcedureSummary>>(
            withQuery('/api/procedures', { q: text.trim(), pageSize: 20 }),
            controller.signal,
          )
          .then(
            (page) => {
              if (controller.signal.aborted) return;
              setOptions(page.items);
              setProblem(undefined);
              setLoading(false);
            },
            (cause: unknown) => {
              if (controller.signal.aborted || isAbort(cause)) return;
              setProblem(errorMessage(cause));
              setLoading(false);
            },
          );
      },
      text.trim() ? debounceMs : 0,
    );
  }, []);

  useEffect(() => {
    search('');
    return () => {
      window.clearTimeout(timer.current);
      pending.current?.abort();
    };
  }, [search]);

  // The chosen procedure stays among the options so its name keeps showing after a new search.
  const shown =
    selected && selected.code === value && !options.some((p) => p.code === selected.code)
      ? [selected, ...options]
      : options;

  return (
    <Select<string>
      id={id}
      value={value}
      autoFocus={autoFocus}
      placeholder="Gõ tên hoặc mã thủ tục để tìm"
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      size="large"
      loading={loading}
      onChange={(code) => {
        setSelected(shown.find((p) => p.code === code));
        onChange?.(code);
      }}
      onClear={() => search('')}
      options={shown.map((p) => ({ value: p.code, label: `${p.name} (${p.code})`, procedure: p }))}
      optionRender={(option) => {
        const p = (option.data as { procedure: ProcedureSummary }).procedure;
        return (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.4 }}>
            <div>{p.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.code} · {p.field}
            </Typography.Text>
          </div>
        );
      }}
      notFoundContent={
        loading ? (
          <Spin size="small" description="Đang tìm…" />
        ) : (
          (problem ?? 'Không tìm thấy thủ tục phù hợp')
        )
      }
      style={{ width: '100%' }}
      listHeight={320}
    />
  );
}
