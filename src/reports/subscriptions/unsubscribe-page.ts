import type { ReportLanguage } from './report-subscription.entity.js';

/** The small public pages of the unsubscribe link, in the subscriber's language. Pure. */
const TEXT = {
  'zh-CN': {
    title: '退订周报',
    confirm: (email: string) => `确定不再向 ${email} 发送《旅游复苏目标周报》吗？`,
    button: '确认退订',
    done: (email: string) => `已退订：${email} 将不再收到《旅游复苏目标周报》。`,
    again: '如需恢复订阅，请联系市文旅局。',
    invalid: '该退订链接无效或已损坏。请直接使用邮件中的链接。',
  },
  en: {
    title: 'Unsubscribe from the weekly report',
    confirm: (email: string) => `Stop sending the weekly tourism recovery target report to ${email}?`,
    button: 'Unsubscribe',
    done: (email: string) => `Unsubscribed: ${email} will no longer receive the weekly target report.`,
    again: 'To subscribe again, contact the tourism bureau.',
    invalid: 'This unsubscribe link is not valid. Please use the link from the email as it is.',
  },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(lang: ReportLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.6}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#b42318;color:#fff;cursor:pointer}</style>
</head><body><h1 style="font-size:1.3rem">${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** Asks before unsubscribing: a GET (link scanners, previews) never unsubscribes anyone. */
export function confirmPage(
  lang: ReportLanguage,
  email: string,
  token: string,
  alreadyDone: boolean,
): string {
  const t = TEXT[lang];
  if (alreadyDone) return donePage(lang, email);
  return page(
    lang,
    t.title,
    `<p>${escapeHtml(t.confirm(email))}</p>
<form method="post" action="?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.button)}</button></form>`,
  );
}

export function donePage(lang: ReportLanguage, email: string): string {
  const t = TEXT[lang];
  return page(lang, t.title, `<p>${escapeHtml(t.done(email))}</p><p>${escapeHtml(t.again)}</p>`);
}

/** Both languages: we cannot know the reader's. */
export function invalidPage(): string {
  return page(
    'zh-CN',
    `${TEXT['zh-CN'].title} / ${TEXT.en.title}`,
    `<p>${escapeHtml(TEXT['zh-CN'].invalid)}</p><p lang="en">${escapeHtml(TEXT.en.invalid)}</p>`,
  );
}
