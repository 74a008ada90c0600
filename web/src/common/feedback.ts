import type { MessageInstance } from 'antd/es/message/interface';

/**
 * The antd message API of the mounted app (bound by `<FeedbackBinder>`), for code outside React
 * components such as the query client's global error handlers.
 */
let current: MessageInstance | null = null;

export function bindFeedback(api: MessageInstance | null): void {
  current = api;
}

export function notify(kind: 'success' | 'info' | 'warning' | 'error', text: string): void {
  void current?.open({ type: kind, content: text, duration: kind === 'error' || kind === 'warning' ? 6 : 3 });
}
