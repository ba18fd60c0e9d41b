// One office action in a dialog (send back, close, approve an extension): run it, say so, and reload the dialog's
// list; a refusal is shown as the server words it.
import { message } from 'antd';
import { useT } from '../i18n.ts';

/** `act(fn, done)`: runs `fn`, shows `done` (a catalogue key) and calls `reload`; an error is shown, not thrown. */
export function useAct(reload: () => void) {
  const t = useT();
  return async (fn: () => Promise<unknown>, done: string): Promise<void> => {
    try {
      await fn();
      message.success(t(done));
      reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
}
