import { SearchOutlined } from '@ant-design/icons';
import { Button } from 'antd';
// The bare Input: `Input` from 'antd' drags TextArea, Password, Search and OTP into the portal's first screen.
import Input from 'antd/es/input/Input';
import { type FormEvent, useEffect, useId, useState } from 'react';

interface SearchBoxProps {
  initialValue?: string;
  placeholder?: string;
  size?: 'middle' | 'large';
  onSearch: (query: string) => void;
}

/** A labelled search form: text input plus a "Tìm kiếm" submit button. */
export function SearchBox({ initialValue = '', placeholder, size = 'middle', onSearch }: SearchBoxProps) {
  const [value, setValue] = useState(initialValue);
  const inputId = useId();
  useEffect(() => setValue(initialValue), [initialValue]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };

  return (
    <search>
      <form onSubmit={submit} style={{ width: '100%' }}>
        <label htmlFor={inputId} className="visually-hidden">
          Từ khóa tìm kiếm
        </label>
        <div className="search-row">
          <Input
            id={inputId}
            size={size}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            placeholder={placeholder}
            aria-label="Từ khóa tìm kiếm"
            className="search-input"
            allowClear
            enterKeyHint="search"
            maxLength={200}
          />
          <Button
            type="primary"
            htmlType="submit"
            size={size}
            icon={<SearchOutlined />}
            className="search-button"
          >
            Tìm kiếm
          </Button>
        </div>
      </form>
    </search>
  );
}
