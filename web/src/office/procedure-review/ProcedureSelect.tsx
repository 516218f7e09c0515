import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, withQuery } from '../../api';

/** One catalog procedure, found by words of its name or its national code; the value is the code. */
export function ProcedureSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (code: string) => void;
  id?: string;
}) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [q, setQ] = useState('');
  useEffect(() => {
    if (q.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<{ items: { code: string; name: string }[] }>(
          withQuery('/api/procedures', { q, pageSize: 20 }),
          controller.signal,
        )
        .then((page) =>
          setOptions(page.items.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` }))),
        )
        .catch(() => {});
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return (
    <Select
      id={id}
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      options={options}
      placeholder="Tìm thủ tục theo tên hoặc mã (ít nhất 2 ký tự)"
      notFoundContent={q.trim().length < 2 ? 'Nhập từ khóa để tìm' : 'Không tìm thấy thủ tục'}
    />
  );
}
