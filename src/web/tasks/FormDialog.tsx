// A dialog around a form (交办, 记录会议): OK checks the form, sends it, says what was done and closes; a refusal
// is shown in the server's words and the dialog stays open with what was typed.
import { type FormInstance, Modal, message } from 'antd';
import type { ReactNode } from 'react';

export function FormDialog<T>(props: {
  form: FormInstance<T>;
  title: string;
  okText: string;
  width: number;
  /** Sends the checked values; answers the (translated) message that says what was done. */
  send: (values: T) => Promise<string>;
  onClose: (done: boolean) => void;
  children: ReactNode;
}) {
  const save = async () => {
    const v = await props.form.validateFields().catch(() => null);
    if (!v) return;
    try {
      message.success(await props.send(v));
      props.onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      onOk={save}
      onCancel={() => props.onClose(false)}
      width={props.width}
    >
      {props.children}
    </Modal>
  );
}
