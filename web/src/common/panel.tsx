import { theme } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * A card of the first screens (sign-in, overview) with antd Card's look. antd's Card imports its
 * Tabs (for `tabList`), which would load on routes that show no tabs; other pages use Card.
 */
export function Panel({
  title,
  extra,
  children,
  style,
  ...rest
}: { title?: ReactNode; extra?: ReactNode; children: ReactNode } & Omit<
  HTMLAttributes<HTMLElement>,
  'title'
>) {
  const { token } = theme.useToken();
  const border = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  return (
    <section
      style={{ background: token.colorBgContainer, border, borderRadius: token.borderRadiusLG, ...style }}
      {...rest}
    >
      {(title || extra) && (
        <div className="panel-head" style={{ borderBottom: border }}>
          {title}
          {extra}
        </div>
      )}
      <div className="panel-body">{children}</div>
    </section>
  );
}
