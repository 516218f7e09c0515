import { Button, Space, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';

// A small rich-text editor: a contenteditable area with bold, italic, headings, lists, links and images. The HTML
// it produces is only a proposal — the server keeps the allow-listed subset (news/sanitize-body.ts).

export function RichTextEditor({
  initialHtml,
  onChange,
  onPickImage,
  label,
}: {
  initialHtml: string;
  onChange: (html: string) => void;
  /** Uploads an image and returns its URL, or null when cancelled or refused. */
  onPickImage: (file: File) => Promise<string | null>;
  label: string;
}) {
  const area = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (area.current && area.current.innerHTML !== initialHtml) area.current.innerHTML = initialHtml;
  }, [initialHtml]);

  const run = (command: string, value?: string) => {
    area.current?.focus();
    document.execCommand(command, false, value);
    if (area.current) onChange(area.current.innerHTML);
  };
  const link = () => {
    const url = window.prompt('Địa chỉ liên kết (https://…)', 'https://');
    if (url && /^(https?:\/\/|mailto:|tel:|\/)/i.test(url.trim())) run('createLink', url.trim());
  };
  const tools: [string, string, () => void][] = [
    ['B', 'Chữ đậm', () => run('bold')],
    ['I', 'Chữ nghiêng', () => run('italic')],
    ['H2', 'Tiêu đề mục', () => run('formatBlock', 'h2')],
    ['H3', 'Tiêu đề nhỏ', () => run('formatBlock', 'h3')],
    ['¶', 'Đoạn văn', () => run('formatBlock', 'p')],
    ['• Danh sách', 'Danh sách dấu chấm', () => run('insertUnorderedList')],
    ['1. Danh sách', 'Danh sách đánh số', () => run('insertOrderedList')],
    ['Liên kết', 'Chèn liên kết', link],
    ['Ảnh', 'Chèn ảnh (PNG, JPEG)', () => fileInput.current?.click()],
  ];
  return (
    <div>
      <Space wrap size={4} style={{ marginBottom: 6 }} role="toolbar" aria-label="Định dạng nội dung">
        {tools.map(([text, title, action]) => (
          <Tooltip key={title} title={title}>
            <Button size="small" aria-label={title} onMouseDown={(e) => e.preventDefault()} onClick={action}>
              {text}
            </Button>
          </Tooltip>
        ))}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        data-testid="editor-image-input"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          const url = await onPickImage(file);
          if (url) run('insertHTML', `<img src="${url}" alt="">`);
        }}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: rich text needs contenteditable; a textarea holds plain text only. */}
      <div
        ref={area}
        className="rich-editor"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        tabIndex={0}
        onInput={(e) => onChange((e.target as HTMLDivElement).innerHTML)}
      />
    </div>
  );
}
