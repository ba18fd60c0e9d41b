// A file chooser that speaks Chinese: the browser's own button reads "Choose File" in an English browser.
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';

export function FilePick(props: {
  label: string;
  accept: string;
  testId: string;
  onPick: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  return (
    <Space size={4}>
      <Button onClick={() => input.current?.click()}>{props.label}</Button>
      {name && <Typography.Text type="secondary">{name}</Typography.Text>}
      <input
        ref={input}
        type="file"
        hidden
        accept={props.accept}
        data-testid={props.testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again (after fixing it) fires once more.
          e.target.value = '';
          if (!file) return;
          setName(file.name);
          props.onPick(file);
        }}
      />
    </Space>
  );
}
