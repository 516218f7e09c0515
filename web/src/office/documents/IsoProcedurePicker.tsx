import { Button, Flex, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, withQuery } from '../../api';

interface Option {
  value: string;
  label: string;
}

/** Chooses the catalog procedures (by national code) whose internal process the agency runs under ISO. */
export function IsoProcedurePicker({
  initial,
  onSave,
}: {
  initial: { code: string; name: string }[];
  onSave: (codes: string[]) => Promise<unknown>;
}) {
  const [value, setValue] = useState<string[]>(initial.map((p) => p.code));
  const [options, setOptions] = useState<Option[]>(
    initial.map((p) => ({ value: p.code, label: `${p.code} — ${p.name}` })),
  );
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
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
          setOptions((old) => {
            const merged = new Map(old.map((o) => [o.value, o]));
            for (const p of page.items) merged.set(p.code, { value: p.code, label: `${p.code} — ${p.name}` });
            return [...merged.values()];
          }),
        )
        .catch(() => {});
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return (
    <Flex vertical gap={8}>
      <Select
        mode="multiple"
        aria-label="Thủ tục áp dụng ISO"
        placeholder="Tìm thủ tục theo tên hoặc mã"
        showSearch
        filterOption={false}
        onSearch={setQ}
        value={value}
        onChange={setValue}
        options={options}
      />
      <Button
        style={{ alignSelf: 'start' }}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          await onSave(value);
          setBusy(false);
        }}
      >
        Lưu danh sách thủ tục
      </Button>
    </Flex>
  );
}
